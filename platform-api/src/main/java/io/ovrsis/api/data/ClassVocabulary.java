package io.ovrsis.api.data;

import java.util.List;

/** Class names in label-index order, verbatim; the text encoder consumes them as they are. */
public record ClassVocabulary(List<String> names) {
    public ClassVocabulary {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a class vocabulary needs at least one name");
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }
}
