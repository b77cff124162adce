package io.ovrsis.runtime.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/** The Jackson set-up of the config system, in one place. */
final class ConfigMappers {

    private ConfigMappers() {
    }

    /** YAML streaming: yes/no/on/off stay strings; modest size limits. */
    static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(8 * 1024 * 1024);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
    }

    /**
     * The strict tree-to-record mapper: unknown keys, nulls for primitives, floats for integers
     * and strings for numbers or booleans are all errors; enums match case-insensitively; records
     * bind by component name. Paths in default configs are written as they are ({@code pretrain})
     * rather than as absolute {@code file:} URIs, so relative defaults stay relative.
     */
    static ObjectMapper strictMapper() {
        SimpleModule paths = new SimpleModule("ovrsis-config-paths");
        paths.addSerializer(Path.class, ToStringSerializer.instance);
        return JsonMapper.builder()
                .addModule(new ParameterNamesModule())
                .addModule(new Jdk8Module())
                .addModule(paths)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }
}
