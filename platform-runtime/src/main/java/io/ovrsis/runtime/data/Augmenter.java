package io.ovrsis.runtime.data;

import java.util.Arrays;
import java.util.Random;

/**
 * The training augmentations of method.md §6.2, applied jointly to image and label with one seeded
 * {@link Random} per sample: optional resize of the short side, random crop (padding with 128 /
 * ignore when smaller), SSD colour jitter (brightness, contrast, saturation, hue in OpenCV's 0–179
 * hue scale, clipped after each step), horizontal flip with p 0.5.
 */
public final class Augmenter {
    private final int cropSize;
    private final Integer resizeShortestEdge;
    private final boolean colorJitter;
    private final boolean flip;
    private final int ignoreIndex;

    public Augmenter(int cropSize, Integer resizeShortestEdge, boolean colorJitter, boolean flip, int ignoreIndex) {
        this.cropSize = cropSize;
        this.resizeShortestEdge = resizeShortestEdge;
        this.colorJitter = colorJitter;
        this.flip = flip;
        this.ignoreIndex = ignoreIndex;
    }

    public RgbImage apply(RgbImage in, Random rng) {
        RgbImage img = in;
        if (resizeShortestEdge != null) {
            int[] size = PilResize.shortestEdgeSize(img.height(), img.width(), resizeShortestEdge, 1333);
            img = PilResize.resize(img, size[0], size[1]);
        }
        img = randomCrop(img, rng);
        if (colorJitter) {
            img = new RgbImage(img.height(), img.width(), ColorJitter.ssd(img.rgb(), rng), img.label());
        }
        if (flip && rng.nextBoolean()) {
            img = flipHorizontal(img);
        }
        return img;
    }

    private RgbImage randomCrop(RgbImage img, Random rng) {
        int h = img.height();
        int w = img.width();
        int y0 = h > cropSize ? rng.nextInt(h - cropSize + 1) : 0;
        int x0 = w > cropSize ? rng.nextInt(w - cropSize + 1) : 0;
        byte[] rgb = new byte[cropSize * cropSize * 3];
        Arrays.fill(rgb, (byte) 128);
        int[] label = new int[cropSize * cropSize];
        Arrays.fill(label, ignoreIndex);
        int ch = Math.min(cropSize, h);
        int cw = Math.min(cropSize, w);
        for (int y = 0; y < ch; y++) {
            System.arraycopy(img.rgb(), ((y0 + y) * w + x0) * 3, rgb, y * cropSize * 3, cw * 3);
            if (img.label() != null) {
                System.arraycopy(img.label(), (y0 + y) * w + x0, label, y * cropSize, cw);
            }
        }
        return new RgbImage(cropSize, cropSize, rgb, label);
    }

    static RgbImage flipHorizontal(RgbImage img) {
        int h = img.height();
        int w = img.width();
        byte[] rgb = new byte[img.rgb().length];
        int[] label = img.label() == null ? null : new int[img.label().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = y * w + x;
                int d = y * w + (w - 1 - x);
                rgb[d * 3] = img.rgb()[s * 3];
                rgb[d * 3 + 1] = img.rgb()[s * 3 + 1];
                rgb[d * 3 + 2] = img.rgb()[s * 3 + 2];
                if (label != null) {
                    label[d] = img.label()[s];
                }
            }
        }
        return new RgbImage(h, w, rgb, label);
    }
}
