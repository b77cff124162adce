package io.ovrsis.runtime.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One prediction drawn over its image like the authors' visualiser (detectron2's
 * {@code Visualizer.draw_sem_seg}, alpha 0.4, through {@link Overlay#blend}) with a legend below:
 * a colour swatch, the class name and its share of the pixels for every class present, largest
 * first. Small images are enlarged (nearest neighbour) so that the legend stays readable.
 */
public final class LegendOverlay {
    private LegendOverlay() {
    }

    public static BufferedImage draw(int h, int w, byte[] rgb, int[] labels, List<String> classNames) {
        long[] counts = new long[classNames.size()];
        for (int l : labels) {
            if (l >= 0 && l < counts.length) {
                counts[l]++;
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                present.add(c);
            }
        }
        present.sort(Comparator.comparingLong((Integer c) -> -counts[c]).thenComparing(c -> c));
        int zoom = Math.max(1, 256 / Math.max(h, w));
        int zw = w * zoom;
        int zh = h * zoom;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        List<String> texts = new ArrayList<>();
        int itemW = 0;
        for (int c : present) {
            String t = String.format(Locale.ROOT, "%s %.1f%%", classNames.get(c), 100.0 * counts[c] / labels.length);
            texts.add(t);
            itemW = Math.max(itemW, 18 + fm.stringWidth(t) + 12);
        }
        pg.dispose();
        int width = Math.max(zw, itemW + 8); // a narrow image still gets a readable legend
        int perRow = Math.max(1, width / Math.max(1, itemW));
        int rows = (present.size() + perRow - 1) / perRow;
        int rowH = 18;
        BufferedImage out = new BufferedImage(width, zh + rows * rowH + 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(Png.image(h, w, Overlay.blend(rgb, labels, -1)), 0, 0, zw, zh, null);
        g.setFont(font);
        for (int i = 0; i < present.size(); i++) {
            int x = 4 + (i % perRow) * itemW;
            int y = zh + 4 + (i / perRow) * rowH;
            g.setColor(new Color(Palette.color(present.get(i))));
            g.fillRect(x, y + 2, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x, y + 2, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(texts.get(i), x + 18, y + 13);
        }
        g.dispose();
        return out;
    }
}
