package io.ovrsis.api.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation tag (274) of a JPEG, and the transposition detectron2's {@code read_image}
 * applies for it ({@code _apply_exif_orientation}: 2 flip left-right, 3 rotate 180, 4 flip
 * top-bottom, 5 transpose, 6 rotate 270 (PIL, counter-clockwise), 7 transverse, 8 rotate 90).
 * Labels are read without it, as in detectron2. Shared by dataset readers and the runtime (the image
 * given to {@code ovrsis predict} and {@code ovrsis features}).
 */
public final class ExifOrientation {
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int MAX_HEADER_BYTES = 1 << 17;

    private ExifOrientation() {
    }

    /** The orientation (1..8) recorded in a JPEG's APP1 Exif segment; 1 when absent or not a JPEG. */
    public static int read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_HEADER_BYTES);
        }
        if (head.length < 4 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int pos = 2;
        while (pos + 4 <= head.length && (head[pos] & 0xFF) == 0xFF) {
            int marker = head[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(head, pos + 2, false);
            int data = pos + 4;
            if (marker == 0xE1 && data + 6 <= head.length && isExifHeader(head, data)) {
                return fromTiff(head, data + 6, Math.min(head.length, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return 1;
    }

    /**
     * Applies detectron2's transposition for {@code orientation} to interleaved RGB pixels.
     *
     * @return {height, width} of the result, written into {@code out}
     */
    public static int[] apply(int orientation, byte[] rgb, int height, int width, byte[] out) {
        boolean swap = orientation >= 5 && orientation <= 8;
        int oh = swap ? width : height;
        int ow = swap ? height : width;
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                int sr;
                int sc;
                switch (orientation) {
                    case 2 -> { sr = r; sc = width - 1 - c; }
                    case 3 -> { sr = height - 1 - r; sc = width - 1 - c; }
                    case 4 -> { sr = height - 1 - r; sc = c; }
                    case 5 -> { sr = c; sc = r; }
                    case 6 -> { sr = height - 1 - c; sc = r; }
                    case 7 -> { sr = height - 1 - c; sc = width - 1 - r; }
                    case 8 -> { sr = c; sc = width - 1 - r; }
                    default -> { sr = r; sc = c; }
                }
                int src = (sr * width + sc) * 3;
                int dst = (r * ow + c) * 3;
                out[dst] = rgb[src];
                out[dst + 1] = rgb[src + 1];
                out[dst + 2] = rgb[src + 2];
            }
        }
        return new int[] {oh, ow};
    }

    private static boolean isExifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int dir = (int) (tiff + ifd);
        int count = u16(b, dir, little);
        for (int i = 0; i < count; i++) {
            int entry = dir + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? x | (y << 8) : (x << 8) | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int k = little ? 3 - i : i;
            v = (v << 8) | (b[at + k] & 0xFF);
        }
        return v;
    }
}
