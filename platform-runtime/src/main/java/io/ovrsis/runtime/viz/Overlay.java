package io.ovrsis.runtime.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Segmentation overlays like detectron2's {@code Visualizer.draw_sem_seg} in image-coloured mode:
 * each labelled pixel blended with its class colour at alpha 0.4; ignored pixels left as they are.
 */
public final class Overlay {
    public static final float ALPHA = 0.4f;

    private Overlay() {
    }

    public static byte[] blend(byte[] rgb, int[] labels, int ignoreIndex) {
        byte[] out = rgb.clone();
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l == ignoreIndex || l < 0) {
                continue;
            }
            int c = Palette.color(l);
            for (int k = 0; k < 3; k++) {
                int col = (c >> (16 - 8 * k)) & 0xff;
                out[i * 3 + k] = (byte) Math.round((rgb[i * 3 + k] & 0xff) * (1 - ALPHA) + col * ALPHA);
            }
        }
        return out;
    }

    /**
     * Image | ground truth | prediction side by side, with a legend of the classes present. Ground
     * truth may be null (unlabelled images): then image | prediction.
     */
    public static BufferedImage panel(int h, int w, byte[] rgb, int[] truth, int[] prediction, List<String> classNames,
                                      int ignoreIndex) {
        int panels = truth == null ? 2 : 3;
        java.util.TreeSet<Integer> present = new java.util.TreeSet<>();
        for (int p : prediction) {
            present.add(p);
        }
        if (truth != null) {
            for (int t : truth) {
                if (t != ignoreIndex) {
                    present.add(t);
                }
            }
        }
        // small images (64 px tiles) are enlarged with nearest neighbour so that pixels stay readable
        int zoom = Math.max(1, 256 / Math.max(h, w));
        int zw = w * zoom;
        int zh = h * zoom;
        int legendH = 16 * ((present.size() + 2) / 3) + 22;
        BufferedImage out = new BufferedImage(zw * panels, zh + legendH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(Png.image(h, w, rgb), 0, 0, zw, zh, null);
        int x = zw;
        if (truth != null) {
            g.drawImage(Png.image(h, w, blend(rgb, truth, ignoreIndex)), x, 0, zw, zh, null);
            x += zw;
        }
        g.drawImage(Png.image(h, w, blend(rgb, prediction, ignoreIndex)), x, 0, zw, zh, null);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString(truth == null ? "image | prediction" : "image | ground truth | prediction", 4, zh + 13);
        int i = 0;
        int colW = Math.max(1, out.getWidth() / 3);
        for (int c : present) {
            int cx = 4 + (i % 3) * colW;
            int cy = zh + 20 + (i / 3) * 16;
            g.setColor(new Color(Palette.color(c)));
            g.fillRect(cx, cy, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(c < classNames.size() ? classNames.get(c) : String.valueOf(c), cx + 14, cy + 10);
            i++;
        }
        g.dispose();
        return out;
    }
}
