package io.ovrsis.api.data;

import java.nio.file.Path;

/** One image of a split and its label file ({@code label} null where a split has no labels). */
public record SampleRef(String id, Path image, Path label) {
}
