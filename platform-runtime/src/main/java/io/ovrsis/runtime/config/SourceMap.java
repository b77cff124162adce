package io.ovrsis.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The provenance of every value of a loaded experiment: dotted key path ({@code model.fusion.layers},
 * {@code eval.datasets[0].component}) to the {@link Source} that set it. A bound tree has no
 * locations, so this side map is what lets every later error point at a line.
 *
 * <p>Leaves map to the position of their value; maps and lists map to the position of their key
 * (or of their first token for list items); the root ({@code ""}) maps to the experiment file.
 * Keys that exist only through defaults have no entry; {@link #locate} then falls back to the
 * enclosing slot's {@code component} line, else to the nearest ancestor.
 *
 * <p>It also keeps one note per slot that was replaced because its {@code component} changed, so
 * that print-config can show it.
 */
public final class SourceMap {
    private final TreeMap<String, Source> entries = new TreeMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    SourceMap() {
    }

    /** The source of exactly this key path. */
    public Optional<Source> get(String keyPath) {
        return Optional.ofNullable(entries.get(keyPath));
    }

    /**
     * The best source for a key path: the path itself, else for the nearest ancestor its slot's
     * {@code component} entry or the ancestor itself; empty if nothing along the path is known.
     */
    public Optional<Source> locate(String keyPath) {
        String path = keyPath;
        while (true) {
            Source exact = entries.get(path);
            if (exact != null) {
                return Optional.of(exact);
            }
            if (path.isEmpty()) {
                return Optional.empty();
            }
            path = KeyPath.parent(path);
            Source component = entries.get(KeyPath.child(path, "component"));
            if (component != null && !path.isEmpty()) {
                return Optional.of(component);
            }
        }
    }

    /** All entries, sorted by key path. */
    public Map<String, Source> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /**
     * Notes about slots replaced because their {@code component} changed, by slot key path
     * ({@code model.fusion} → {@code replaced "rsfusion" from configs/models/m.yaml:7:13}).
     */
    public Map<String, String> notes() {
        return Collections.unmodifiableMap(notes);
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    void put(String keyPath, Source source) {
        entries.put(keyPath, source);
    }

    void note(String keyPath, String note) {
        notes.put(keyPath, note);
    }

    /** Removes the path and everything under it (notes included). */
    void removeUnder(String keyPath) {
        entries.keySet().removeIf(path -> KeyPath.isUnder(path, keyPath));
        notes.keySet().removeIf(path -> KeyPath.isUnder(path, keyPath));
    }

    /** Copies the entries and notes of {@code other} at and under {@code keyPath} into this map. */
    void copyUnder(String keyPath, SourceMap other) {
        other.entries.forEach((path, source) -> {
            if (KeyPath.isUnder(path, keyPath)) {
                entries.put(path, source);
            }
        });
        other.notes.forEach((path, note) -> {
            if (KeyPath.isUnder(path, keyPath)) {
                notes.put(path, note);
            }
        });
    }

    SourceMap copy() {
        SourceMap copy = new SourceMap();
        copy.entries.putAll(entries);
        copy.notes.putAll(notes);
        return copy;
    }
}
