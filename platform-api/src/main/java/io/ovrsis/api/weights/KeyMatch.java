package io.ovrsis.api.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A strict comparison of a module's parameters with the tensors a weight file gives them (after the
 * loader's renaming): missing keys, wrong shapes and unexpected keys, each listed under the name the
 * user will find in the file, and one message listing them.
 *
 * @param missing parameters the file lacks, with the expected shape
 * @param wrongShapes tensors whose shape differs, with both shapes
 * @param unexpected tensors no parameter takes, with their shape (sorted)
 */
public record KeyMatch(List<String> missing, List<String> wrongShapes, List<String> unexpected) {
    /** How many entries of each list a message shows. */
    public static final int LISTED = 12;

    /**
     * @param params the module's parameters by name
     * @param entries the file's tensors under the parameter names they are meant for
     * @param fileKey the name a parameter name has in the file, for messages
     */
    public static KeyMatch of(Map<String, Param> params, Map<String, NDArray> entries, UnaryOperator<String> fileKey) {
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Param> e : params.entrySet()) {
            NDArray t = entries.get(e.getKey());
            if (t == null) {
                missing.add(fileKey.apply(e.getKey()) + " " + shape(e.getValue().shape()));
            } else if (!t.getShape().equals(e.getValue().shape())) {
                wrong.add(fileKey.apply(e.getKey()) + " has shape " + shape(t.getShape()) + ", expected "
                        + shape(e.getValue().shape()));
            }
        }
        TreeSet<String> unexpected = new TreeSet<>();
        entries.forEach((k, t) -> {
            if (!params.containsKey(k)) {
                unexpected.add(fileKey.apply(k) + " " + shape(t.getShape()));
            }
        });
        return new KeyMatch(List.copyOf(missing), List.copyOf(wrong), List.copyOf(unexpected));
    }

    public boolean exact() {
        return missing.isEmpty() && wrongShapes.isEmpty() && unexpected.isEmpty();
    }

    /** {@code OVRSIS-WEIGHTS-SHAPE} when a shape differs, else {@code OVRSIS-WEIGHTS-KEYS}. */
    public String code() {
        return wrongShapes.isEmpty() ? "OVRSIS-WEIGHTS-KEYS" : "OVRSIS-WEIGHTS-SHAPE";
    }

    /** Appends "n wrong shapes: ...; n missing keys: ...; n unexpected keys: ..." (non-empty lists only). */
    public StringBuilder appendTo(StringBuilder msg) {
        appendList(msg, "wrong shapes", wrongShapes);
        appendList(msg, "missing keys", missing);
        appendList(msg, "unexpected keys", unexpected);
        return msg;
    }

    /** "(768, 3, 16, 16)". */
    public static String shape(Shape s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.dimension(); i++) {
            sb.append(i == 0 ? "" : ", ").append(s.get(i));
        }
        return sb.append(')').toString();
    }

    /** Appends "n what: a; b; ... and k more. " unless {@code items} is empty. */
    public static void appendList(StringBuilder msg, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        msg.append(items.size()).append(' ').append(what).append(": ");
        msg.append(String.join("; ", items.subList(0, Math.min(LISTED, items.size()))));
        if (items.size() > LISTED) {
            msg.append("; and ").append(items.size() - LISTED).append(" more");
        }
        msg.append(". ");
    }
}
