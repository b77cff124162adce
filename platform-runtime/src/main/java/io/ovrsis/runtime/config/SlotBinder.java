package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds one slot block ({@code {component: rsfusion, layers: 5}}): finds the factory by
 * {@code component}, merges the user's keys over {@code factory.defaultConfig()}, binds the result
 * to {@code factory.configType()} strictly and validates it.
 *
 * <p>Config records come from plugin class loaders: classes are never resolved by name, only the
 * {@code Class} objects the factory hands out are used, and calls into plugin code run with the
 * plugin's class loader as the thread context class loader.
 */
final class SlotBinder {
    static final String COMPONENT = TreeMerger.COMPONENT;

    private final BindingSession session;

    SlotBinder(BindingSession session) {
        this.session = session;
    }

    /**
     * Binds the slot at {@code keyPath}.
     *
     * @param node the slot's YAML (a map, a bare component id, or null when absent)
     * @param required whether an absent slot is an error
     * @param defaultComponent the component used when the block or its {@code component} is absent; may be null
     * @return the bound component, or null if absent or broken (errors were added)
     */
    BoundComponent bind(Slot slot, String keyPath, JsonNode node, boolean required, String defaultComponent) {
        ObjectNode block;
        if (node == null || node.isNull()) {
            if (defaultComponent == null) {
                if (required) {
                    session.error(ConfigErrors.MISSING, keyPath, "required " + slot.displayName() + " is missing; add "
                            + keyPath + ": {component: <id>} with one of: " + knownList(slot));
                }
                return null;
            }
            block = JsonNodeFactory.instance.objectNode();
        } else if (node.isTextual()) {
            block = JsonNodeFactory.instance.objectNode().put(COMPONENT, node.asText());
        } else if (node.isObject()) {
            block = ((ObjectNode) node).deepCopy();
        } else {
            session.error(ConfigErrors.TYPE, keyPath, "expected a " + slot.displayName()
                    + " block like {component: <id>, ...}, got " + YamlScalars.flow(node));
            return null;
        }
        JsonNode component = block.remove(COMPONENT);
        String componentPath = KeyPath.child(keyPath, COMPONENT);
        if (component == null || component.isNull()) {
            if (defaultComponent == null) {
                session.error(ConfigErrors.MISSING, componentPath, "no component given for this "
                        + slot.displayName() + "; set component to one of: " + knownList(slot));
                return null;
            }
            component = JsonNodeFactory.instance.textNode(defaultComponent);
        }
        if (!component.isTextual()) {
            session.error(ConfigErrors.TYPE, componentPath, "expected a component id (a string), got "
                    + YamlScalars.flow(component));
            return null;
        }
        String id = component.asText();
        Optional<ComponentFactory<?, ?>> factory = session.lookup.find(slot, id);
        if (factory.isEmpty()) {
            session.error(ConfigErrors.UNKNOWN_COMPONENT, componentPath, unknownComponent(slot, id));
            return null;
        }
        return bindConfig(slot, keyPath, id, factory.get(), block);
    }

    private BoundComponent bindConfig(Slot slot, String keyPath, String id, ComponentFactory<?, ?> factory,
            ObjectNode user) {
        ClassLoader pluginLoader = factory.getClass().getClassLoader();
        ObjectNode defaults;
        Class<?> type;
        try {
            type = withLoader(pluginLoader, factory::configType);
            Object defaultConfig = withLoader(pluginLoader, factory::defaultConfig);
            JsonNode tree = defaultConfig == null ? JsonNodeFactory.instance.objectNode()
                    : withLoader(pluginLoader, () -> session.mapper.valueToTree(defaultConfig));
            if (type == null || !tree.isObject()) {
                throw new IllegalStateException("configType() is " + type + " and defaultConfig() gives "
                        + tree.getNodeType());
            }
            defaults = (ObjectNode) tree;
        } catch (RuntimeException e) {
            session.error(ConfigErrors.PLUGIN_CONFIG, keyPath, "the plugin of " + slot.displayName() + " \"" + id
                    + "\" (" + factory.getClass().getName() + ") has an unusable default config: " + e.getMessage());
            return null;
        }
        RecordBinder.Target target = session.target(keyPath, "for " + slot.displayName() + " \"" + id + "\"");
        Class<?> configType = type;
        Object config = withLoader(pluginLoader,
                () -> session.records.bind(defaults, user, configType, target, session.errors));
        return config == null ? null : new BoundComponent(slot, keyPath, id, factory, config);
    }

    /** "clip-vit-b16, clip-vit-b32 [backbone-clip 0.3.0], dino-vitb8 [backbone-dino 0.2.0]". */
    String knownList(Slot slot) {
        Map<String, List<String>> byPlugin = new LinkedHashMap<>();
        for (KnownComponent known : session.lookup.known(slot)) {
            byPlugin.computeIfAbsent(known.pluginId() + " " + known.pluginVersion(), k -> new ArrayList<>())
                    .add(known.id());
        }
        if (byPlugin.isEmpty()) {
            return "(none: no plugin provides a " + slot.displayName() + "; check the plugins folder)";
        }
        List<String> groups = new ArrayList<>();
        byPlugin.forEach((plugin, ids) -> groups.add(String.join(", ", ids) + " [" + plugin + "]"));
        return String.join(", ", groups);
    }

    private String unknownComponent(Slot slot, String id) {
        List<String> ids = session.lookup.known(slot).stream().map(KnownComponent::id).toList();
        return YamlScalars.quote(id) + " is not a known " + slot.displayName() + ". Known: " + knownList(slot) + "."
                + ConfigErrors.didYouMeanSentence(id, ids);
    }

    private static <T> T withLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader == null ? previous : loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
