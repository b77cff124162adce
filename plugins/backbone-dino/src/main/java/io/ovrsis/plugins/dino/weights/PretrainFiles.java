package io.ovrsis.plugins.dino.weights;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.component.PrepareContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where DINO weight files are looked up and where they are published (for OVRSIS-WEIGHTS-MISSING). */
public final class PretrainFiles {
    /** The prefix that means "the pretrain directory" in config paths. */
    public static final String PREFIX = "pretrain/";

    private static final Map<String, String> PUBLISHED = Map.of(
            "RSIB.pth", "GSNet's \"Specialist RSI Backbone\", a DINO v1 ViT-B/8; the README of yecy749/GSNet links it"
                    + " on Google Drive: https://drive.google.com/file/d/1kH0wDM_Hl4sEQJG8JjILCo0RTx65X7zV/view"
                    + " (RSKT-Seg's configs expect it as pretrained/RSIB.pth)");

    private PretrainFiles() {
    }

    /** {@code pretrain/x} → the pretrain directory's x; other relative paths → the project root. */
    public static Path resolve(PrepareContext ctx, String path) {
        if (path.startsWith(PREFIX)) {
            return ctx.pretrainDir().resolve(path.substring(PREFIX.length())).normalize();
        }
        return ctx.resolve(path);
    }

    /**
     * The file, or OVRSIS-WEIGHTS-MISSING naming the expected path and where the file is published.
     *
     * @param key the config key holding the path
     * @param what what the file is, for the message
     * @param alternative what else the user can do
     */
    public static Path require(PrepareContext ctx, String key, String path, String what, String alternative) {
        Path file = resolve(ctx, path);
        if (!Files.isRegularFile(file)) {
            String name = file.getFileName() == null ? path : file.getFileName().toString();
            String source = PUBLISHED.get(name);
            throw new ComponentException("OVRSIS-WEIGHTS-MISSING", ctx.keyPath() + "." + key,
                    what + " " + file + " (" + ctx.keyPath() + "." + key + " = \"" + path + "\") does not exist. "
                            + (source == null ? "Put the file there"
                                    : "Put " + name + " (" + source + ") there under its published name")
                            + ", point " + key + " at it, or " + alternative + ".");
        }
        return file;
    }
}
