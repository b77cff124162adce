package io.ovrsis.plugins.ovrsisbench;

import io.ovrsis.api.data.Sample;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A colour preview of one sample: the image and its colour-coded label side by side (nearest
 * neighbour, scaled), with a legend of every class (swatch and name) underneath. Ignored pixels are
 * drawn black. For looking at data, e.g. {@code synthetic-aerial} with
 * {@code AerialClasses::colour}.
 */
public final class LabelPreview {
    private static final int LEGEND_ROW = 14;

    private LabelPreview() {
    }

    /**
     * @param colours display colour {r, g, b} of a label value
     * @param scale integer zoom of both panels
     */
    public static BufferedImage render(Sample sample, List<String> classNames, IntFunction<int[]> colours, int scale) {
        int w = sample.width() * scale;
        int h = sample.height() * scale;
        int legendHeight = LEGEND_ROW * classNames.size() + 4;
        BufferedImage out = new BufferedImage(2 * w + 4, h + legendHeight, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y / scale) * sample.width() + x / scale;
                byte[] rgb = sample.rgb();
                out.setRGB(x, y, (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF));
                if (sample.label() != null) {
                    out.setRGB(w + 4 + x, y, pack(colours.apply(sample.label()[p])));
                }
            }
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int c = 0; c < classNames.size(); c++) {
                int top = h + 4 + c * LEGEND_ROW;
                g.setColor(new Color(pack(colours.apply(c))));
                g.fillRect(2, top, 10, 10);
                g.setColor(Color.WHITE);
                g.drawString(c + " " + classNames.get(c), 16, top + 10);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int pack(int[] rgb) {
        return (rgb[0] & 0xFF) << 16 | (rgb[1] & 0xFF) << 8 | (rgb[2] & 0xFF);
    }
}
