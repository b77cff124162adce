package io.ovrsis.plugins.ovrsisbench;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Config of the OVRSISBench readers with train/val copies ({@code dlrsd}, {@code isaid}; splits
 * {@code train}, {@code val}, {@code all}).
 *
 * @param root dataset folder holding the {@code all} split; null means {@code <datasets>/<folder>}
 *     ({@code datasets/DLRSD}); relative paths resolve against the project
 * @param splitRoot folder holding {@code train/} and {@code val/}; null means
 *     {@code <datasets>/<folder>_split} ({@code datasets/DLRSD_split})
 * @param classesFile JSON list of class names; null means {@code <datasets>/<Name>.json} when that
 *     file exists, else the built-in list
 * @param imageExtension image file ending including the dot, case-sensitive
 */
public record OvrsisBenchSplitDatasetReaderConfig(
        String root,
        String splitRoot,
        String classesFile,
        @NotNull @Pattern(regexp = "\\.[A-Za-z0-9]+", message = "must be a file ending such as .png or .JPG") String imageExtension) {
}
