package io.ovrsis.plugins.ovrsisbench;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Config of the single-folder OVRSISBench readers ({@code potsdam}, {@code vaihingen},
 * {@code loveda}, {@code uavid}, {@code udd5}, {@code vdd}; split {@code all}).
 *
 * @param root dataset folder; null means {@code <datasets>/<folder>} ({@code datasets/Potsdam});
 *     relative paths resolve against the project
 * @param classesFile JSON list of class names; null means {@code <datasets>/<Name>.json} when that
 *     file exists, else the built-in list
 * @param imageExtension image file ending including the dot, case-sensitive ({@code .JPG} for UDD5)
 */
public record OvrsisBenchDatasetReaderConfig(
        String root,
        String classesFile,
        @NotNull @Pattern(regexp = "\\.[A-Za-z0-9]+", message = "must be a file ending such as .png or .JPG") String imageExtension) {
}
