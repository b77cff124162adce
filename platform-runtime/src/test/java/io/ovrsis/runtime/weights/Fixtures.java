package io.ovrsis.runtime.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovrsis.api.weights.StateDict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint fixtures written by {@code tools/reference/checkpoint_fixtures.py} and the values
 * PyTorch reads from them ({@code <name>.json}).
 */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/weights/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected(String stem) throws IOException {
        return JSON.readTree(file(stem + ".json").toFile());
    }

    static List<String> names(JsonNode expected) {
        List<String> names = new ArrayList<>();
        expected.get("tensors").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Same names in the same order, same dtypes and shapes, values equal exactly. */
    static void assertMatches(StateDict actual, JsonNode expected) {
        assertThat(List.copyOf(actual.tensors().keySet())).containsExactlyElementsOf(names(expected));
        Iterator<Map.Entry<String, JsonNode>> fields = expected.get("tensors").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertTensor(field.getKey(), actual.tensors().get(field.getKey()), field.getValue());
        }
    }

    static void assertTensor(String name, NDArray array, JsonNode expected) {
        assertThat(dtypeName(array.getDataType())).as(name + " dtype").isEqualTo(expected.get("dtype").asText());
        List<Long> shape = new ArrayList<>();
        expected.get("shape").forEach(n -> shape.add(n.asLong()));
        assertThat(array.getShape().getShape()).as(name + " shape")
                .containsExactly(shape.stream().mapToLong(Long::longValue).toArray());
        JsonNode values = expected.get("values");
        int n = values.size();
        assertThat(array.size()).as(name + " size").isEqualTo(n);
        DataType type = array.getDataType();
        if (type == DataType.BOOLEAN) {
            boolean[] got = array.toBooleanArray();
            for (int i = 0; i < n; i++) {
                assertThat(got[i]).as(name + "[" + i + "]").isEqualTo(values.get(i).asBoolean());
            }
        } else if (type.isFloating()) {
            double[] got = array.toType(DataType.FLOAT64, false).toDoubleArray();
            double maxDiff = 0;
            for (int i = 0; i < n; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(got[i] - values.get(i).asDouble()));
            }
            assertThat(maxDiff).as(name + " max abs diff").isEqualTo(0.0);
        } else {
            long[] got = array.toType(DataType.INT64, false).toLongArray();
            for (int i = 0; i < n; i++) {
                assertThat(got[i]).as(name + "[" + i + "]").isEqualTo(values.get(i).asLong());
            }
        }
    }

    static String dtypeName(DataType type) {
        return switch (type) {
            case FLOAT32 -> "float32";
            case FLOAT16 -> "float16";
            case FLOAT64 -> "float64";
            case INT64 -> "int64";
            case INT32 -> "int32";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case BOOLEAN -> "bool";
            default -> type.name();
        };
    }
}
