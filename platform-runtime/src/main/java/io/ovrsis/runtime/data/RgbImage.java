package io.ovrsis.runtime.data;

/** Interleaved RGB bytes (H·W·3) with an optional label map (H·W), the unit augmentations work on. */
public record RgbImage(int height, int width, byte[] rgb, int[] label) {
    public static RgbImage of(io.ovrsis.api.data.Sample s) {
        return new RgbImage(s.height(), s.width(), s.rgb(), s.label());
    }
}
