package io.ovrsis.plugins.ovrsisbench;

import java.nio.file.Path;

/**
 * One image folder and its label folder; files pair by base name.
 *
 * @param images folder of images ({@code .../imgs})
 * @param labels folder of single-channel index PNGs ({@code .../D2masks})
 */
public record SplitFolders(Path images, Path labels) {
}
