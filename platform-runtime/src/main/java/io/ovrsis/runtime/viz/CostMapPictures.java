package io.ovrsis.runtime.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Resize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Cost-map heat maps as the authors draw them ({@code visualize_corr.py}, method.md §10), per class:
 * min–max normalise the whole h × w map, resize it bilinearly (align_corners false, no antialias) to
 * the image size, ×255 and truncate to uint8, colour with OpenCV's JET, blend {@code 0.4·image +
 * 0.6·heat} and round (OpenCV's conversion to 8 bits, half to even). A constant map (max = min, where
 * the authors' code divides by zero) is drawn as 0 everywhere.
 */
public final class CostMapPictures {
    public static final double IMAGE_WEIGHT = 0.4;
    public static final double HEAT_WEIGHT = 0.6;
    private static final int TILE = 256;

    private CostMapPictures() {
    }

    /**
     * Steps 1–4: the JET grey values (0..255) of one map at the image size.
     *
     * @param map h·w values of one class, row major
     */
    public static int[] heat(float[] map, int offset, int h, int w, int outH, int outW, NDManager manager) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < h * w; i++) {
            min = Math.min(min, map[offset + i]);
            max = Math.max(max, map[offset + i]);
        }
        float[] normalised = new float[h * w];
        if (max > min) {
            float range = max - min;
            for (int i = 0; i < normalised.length; i++) {
                normalised[i] = (map[offset + i] - min) / range;
            }
        }
        float[] resized;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(normalised, new Shape(1, 1, h, w));
            resized = Resize.resize(x, outH, outW, Resize.Mode.BILINEAR, false).toFloatArray();
        }
        int[] grey = new int[resized.length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Math.max(0, Math.min(255, (int) (resized[i] * 255f)));
        }
        return grey;
    }

    /** Steps 5: {@code 0.4·image + 0.6·JET(grey)} per channel, rounded half to even. */
    public static byte[] blend(byte[] rgb, int[] grey) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < grey.length; i++) {
            int c = JetColormap.rgb(grey[i]);
            for (int k = 0; k < 3; k++) {
                int heat = (c >> (16 - 8 * k)) & 0xff;
                double v = IMAGE_WEIGHT * (rgb[i * 3 + k] & 0xff) + HEAT_WEIGHT * heat;
                out[i * 3 + k] = (byte) Math.min(255, (int) Math.rint(v));
            }
        }
        return out;
    }

    /**
     * One class's pictures side by side: the image, then one blended heat map per source, each
     * scaled so that its long side is 256 pixels, with captions and the class name as title.
     *
     * @param pictures H·W·3 RGB bytes per tile (the image first), each of size h × w
     * @param captions one per picture
     */
    public static BufferedImage summary(String title, int h, int w, List<byte[]> pictures, List<String> captions) {
        double scale = (double) TILE / Math.max(h, w);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int gap = 6;
        int titleH = 22;
        int captionH = 18;
        BufferedImage out = new BufferedImage(pictures.size() * (tw + gap) + gap, titleH + th + captionH + gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale >= 1
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, gap, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < pictures.size(); i++) {
            int x = gap + i * (tw + gap);
            g.drawImage(Png.image(h, w, pictures.get(i)), x, titleH, tw, th, null);
            g.drawString(captions.get(i), x, titleH + th + 13);
        }
        g.dispose();
        return out;
    }
}
