package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deep merge of YAML trees together with their {@link SourceMap}s. Both trees are whole documents,
 * so a key path means the same thing in both.
 *
 * <ul>
 *   <li>{@link #mergeOver}: a child over its (merged) bases, or a {@code --set} value over the
 *       tree. Maps merge key by key; lists and scalars replace. A slot (a map with a
 *       {@code component} key) whose {@code component} differs is replaced wholesale.</li>
 *   <li>{@link #mergeSibling}: one base over the bases before it in an {@code extends} list. The
 *       same leaf set by both (from different places) is recorded as a {@link Conflict}; the
 *       earlier value is kept until the conflict is resolved or reported.</li>
 * </ul>
 */
final class TreeMerger {
    static final String COMPONENT = "component";
    private static final System.Logger LOG = System.getLogger(TreeMerger.class.getName());

    /** What happens to the old keys of a slot whose component changes. */
    enum SlotReset {
        /** From a file: the child's slot replaces the base slot wholesale. */
        REPLACE,
        /** From {@code --set}: only keys that were themselves set by {@code --set} survive. */
        KEEP_SET_KEYS
    }

    /** The same leaf set by two bases of one file. */
    record Conflict(String keyPath, Source first, JsonNode firstValue, Source second, JsonNode secondValue) {
    }

    private TreeMerger() {
    }

    static void mergeOver(ObjectNode base, SourceMap baseSources, ObjectNode child, SourceMap childSources,
            String path, SlotReset reset) {
        for (var field : child.properties()) {
            String childPath = KeyPath.child(path, field.getKey());
            JsonNode baseValue = base.get(field.getKey());
            JsonNode childValue = field.getValue();
            if (baseValue instanceof ObjectNode baseMap && childValue instanceof ObjectNode childMap) {
                if (componentChanges(baseMap, childMap)) {
                    resetSlot(baseMap, childPath, baseSources, childMap.get(COMPONENT), childSources, reset);
                }
                childSources.get(childPath).ifPresent(source -> baseSources.put(childPath, source));
                mergeOver(baseMap, baseSources, childMap, childSources, childPath, reset);
            } else {
                base.set(field.getKey(), childValue.deepCopy());
                baseSources.removeUnder(childPath);
                baseSources.copyUnder(childPath, childSources);
            }
        }
    }

    static void mergeSibling(ObjectNode merged, SourceMap mergedSources, ObjectNode next, SourceMap nextSources,
            String path, List<Conflict> conflicts) {
        for (var field : next.properties()) {
            String childPath = KeyPath.child(path, field.getKey());
            JsonNode earlier = merged.get(field.getKey());
            JsonNode later = field.getValue();
            if (earlier == null) {
                merged.set(field.getKey(), later.deepCopy());
                mergedSources.copyUnder(childPath, nextSources);
            } else if (earlier instanceof ObjectNode earlierMap && later instanceof ObjectNode laterMap) {
                mergeSibling(earlierMap, mergedSources, laterMap, nextSources, childPath, conflicts);
            } else {
                Source first = mergedSources.get(childPath).orElse(null);
                Source second = nextSources.get(childPath).orElse(null);
                if (!Objects.equals(first, second)) {
                    conflicts.add(new Conflict(childPath, first, earlier, second, later));
                }
            }
        }
    }

    /** True if both maps name a component and the names differ. */
    static boolean componentChanges(ObjectNode base, ObjectNode child) {
        JsonNode before = base.get(COMPONENT);
        JsonNode after = child.get(COMPONENT);
        return before != null && after != null && !before.equals(after);
    }

    /**
     * Clears a slot whose component changes to {@code newComponent}, keeping what {@code reset}
     * says, and notes the replacement in the source map.
     */
    static void resetSlot(ObjectNode slot, String slotPath, SourceMap sources, JsonNode newComponent,
            SourceMap newSources, SlotReset reset) {
        String componentPath = KeyPath.child(slotPath, COMPONENT);
        String oldComponent = slot.path(COMPONENT).asText();
        String oldSource = sources.get(componentPath).map(Source::describe).orElse("?");
        String newSource = newSources.get(componentPath).map(Source::describe).orElse("?");
        Source slotSource = sources.get(slotPath).orElse(null);
        if (reset == SlotReset.REPLACE) {
            slot.removeAll();
            sources.removeUnder(slotPath);
        } else {
            keepSetKeys(slot, slotPath, sources, true);
        }
        if (slotSource != null) {
            sources.put(slotPath, slotSource);
        }
        String note = "component \"" + newComponent.asText() + "\" (" + newSource + ") replaced \"" + oldComponent
                + "\" (" + oldSource + ")" + (reset == SlotReset.REPLACE
                        ? " and all of its keys" : "; only keys given with --set were kept");
        sources.note(slotPath, note);
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1}", slotPath, note);
    }

    /**
     * Removes every key of a slot that was not set by {@code --set}, recursively. The slot's own
     * {@code component} stays in place (the caller overwrites it), so that it keeps its position.
     */
    private static void keepSetKeys(ObjectNode node, String path, SourceMap sources, boolean isSlot) {
        for (String key : new ArrayList<>(iterable(node))) {
            String childPath = KeyPath.child(path, key);
            boolean setByOverride = sources.get(childPath).orElse(null) instanceof Source.FromSet;
            if (setByOverride || isSlot && key.equals(COMPONENT)) {
                continue;
            }
            JsonNode value = node.get(key);
            if (value instanceof ObjectNode map) {
                keepSetKeys(map, childPath, sources, false);
                if (!map.isEmpty()) {
                    continue;
                }
            }
            node.remove(key);
            sources.removeUnder(childPath);
        }
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
