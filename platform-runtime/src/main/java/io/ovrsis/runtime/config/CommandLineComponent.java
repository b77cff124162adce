package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ovrsis.api.component.Slot;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one component that a command builds from its options rather than from an experiment file
 * ({@code ovrsis features}): the component's {@code defaultConfig()}, then the keys the command
 * sets ({@code weights}, {@code inputSize}, ...), then the user's {@code --set key=value}
 * arguments (key paths relative to the component), bound and validated exactly like an experiment
 * slot. Every mistake is collected into one {@link ConfigException} about "the command-line options".
 */
public final class CommandLineComponent {
    /** The heading subject of the errors. */
    public static final String SUBJECT = "the command-line options";

    private CommandLineComponent() {
    }

    /**
     * One key a command sets from one of its options.
     *
     * @param key the config key, relative to the component ({@code inputSize})
     * @param value a plain Java value (string, number, boolean, list, null)
     * @param option the option as the user wrote it, for messages ({@code --size 500})
     */
    public record Setting(String key, Object value, String option) {
    }

    /**
     * @param keyPath a name for the component in messages ({@code encoder})
     * @param id the component id
     * @param idOption the option that named it, for messages ({@code --encoder})
     * @param settings keys the command sets from its options
     * @param sets {@code key=value} arguments, values in YAML, applied after {@code settings}
     * @throws ConfigException with every mistake found (unknown id, unknown key, bad type, constraint)
     */
    public static BoundComponent bind(ComponentLookup lookup, Slot slot, String keyPath, String id, String idOption,
            List<Setting> settings, List<String> sets) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ObjectNode block = tree.putObject(keyPath);
        block.put(TreeMerger.COMPONENT, id);
        ObjectMapper mapper = ConfigMappers.strictMapper();
        SourceMap sources = new SourceMap();
        sources.put(KeyPath.child(keyPath, TreeMerger.COMPONENT), Source.FromFile.wholeFile(idOption));
        for (Setting setting : settings) {
            block.set(setting.key(), mapper.valueToTree(setting.value()));
            sources.put(KeyPath.child(keyPath, setting.key()), Source.FromFile.wholeFile(setting.option()));
        }
        List<ConfigError> errors = new ArrayList<>();
        YamlTreeReader reader = new YamlTreeReader();
        for (int i = 0; i < sets.size(); i++) {
            Overrides.SetArgument override = Overrides.parse(i + 1, keyPath + "." + sets.get(i).strip(),
                    reader, errors);
            if (override != null) {
                Overrides.apply(override, tree, sources, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors, SUBJECT);
        }
        LoadedExperiment loaded = new LoadedExperiment(Path.of("<command line>"), tree, sources);
        BoundComponent bound;
        BindingSession session;
        try (ValidatorFactory validation = ConfigValidation.newValidatorFactory()) {
            session = new BindingSession(loaded, lookup, mapper, new RecordBinder(mapper, validation.getValidator()));
            JsonNode node = tree.get(keyPath);
            bound = new SlotBinder(session).bind(slot, keyPath, node, true, null);
        }
        if (!session.errors.isEmpty() || bound == null) {
            throw new ConfigException(session.errors.isEmpty()
                    ? List.of(new ConfigError(ConfigErrors.CONSTRAINT, keyPath, null, "could not be bound"))
                    : session.errors, SUBJECT);
        }
        return bound;
    }
}
