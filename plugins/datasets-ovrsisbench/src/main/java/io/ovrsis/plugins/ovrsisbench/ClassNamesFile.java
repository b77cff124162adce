package io.ovrsis.plugins.ovrsisbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.ClassVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class-name files as the RSKT-Seg code reads them ({@code datasets/<Name>.json}): a JSON list of
 * strings in label-index order, used verbatim.
 */
public final class ClassNamesFile {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClassNamesFile() {
    }

    /** Reads the names; a file that is not a non-empty JSON list of strings is a data error. */
    public static ClassVocabulary read(Path file, String keyPath) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(file, keyPath, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw invalid(file, keyPath, "must hold a non-empty JSON list of class names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            if (!n.isTextual()) {
                throw invalid(file, keyPath, "entry " + i + " is " + n + ", not a string");
            }
            names.add(n.asText());
        }
        return new ClassVocabulary(names);
    }

    /** Writes the names as a JSON list. */
    public static void write(Path file, List<String> names) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(names) + "\n");
    }

    private static ComponentException invalid(Path file, String keyPath, String what) {
        return new ComponentException("OVRSIS-DATA-INVALID", keyPath, "Class-name file " + file + " " + what
                + ". Expected a JSON list of names in label-index order, e.g. [\"building\", \"road\"].");
    }
}
