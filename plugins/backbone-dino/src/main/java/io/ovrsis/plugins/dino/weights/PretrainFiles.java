package io.ovrsis.plugins.dino.weights;

import io.ovrsis.api.component.PrepareContext;
import java.nio.file.Path;
import java.util.Map;

/** Where DINO weight files are looked up and where they are published (for OVRSIS-WEIGHTS-MISSING). */
public final class PretrainFiles {
    private static final Map<String, String> PUBLISHED = Map.of(
            "RSIB.pth", "GSNet's \"Specialist RSI Backbone\", a DINO v1 ViT-B/8; the README of yecy749/GSNet links it"
                    + " on Google Drive: https://drive.google.com/file/d/1kH0wDM_Hl4sEQJG8JjILCo0RTx65X7zV/view"
                    + " (RSKT-Seg's configs expect it as pretrained/RSIB.pth)");

    private PretrainFiles() {
    }

    /** The file, or OVRSIS-WEIGHTS-MISSING naming the expected path and where the file is published. */
    public static Path require(PrepareContext ctx, String key, String path, String what, String alternative) {
        Path name = Path.of(path).getFileName();
        return ctx.requirePretrained(key, path, what, name == null ? null : PUBLISHED.get(name.toString()), alternative);
    }
}
