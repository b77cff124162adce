package io.ovrsis.runtime.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.runtime.inject.PluginCalls;
import io.ovrsis.runtime.train.GradMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The text side for a list of class names: every (class, template) prompt, its token ids and its
 * L2-normalised embedding. Rows are class-major: row {@code c·P + p} is class c in template p, so
 * with P templates there are T = classes · P rows (T = classes for the single template).
 *
 * @param prompts the T prompts, as the encoder fills its templates (method.md §1.2: the name cut at
 *     its first {@code ", "}, put in place of the template's {@code {}})
 * @param tokens T rows of token ids, or null when the encoder does not expose its tokenizer
 * @param embeddings T × D, each row L2-normalised
 */
public record TextFeatures(List<String> prompts, long[][] tokens, FeatureArray embeddings) {

    /** Encodes {@code classNames} without autograd; every array made here is closed again. */
    public static TextFeatures encode(TextEncoder encoder, List<String> classNames, NDManager manager) {
        GradMode.off();
        List<String> templates = encoder.templates();
        List<String> prompts = new ArrayList<>();
        for (String name : classNames) {
            for (String template : templates) {
                prompts.add(fill(template, name));
            }
        }
        FeatureArray embeddings;
        // encode first: it reports prompts that are too long as a user error naming the class
        try (NDManager pass = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            TextEmbeddings text = PluginCalls.withLoaderOf(encoder, () -> encoder.encode(classNames, pass, false));
            NDArray e = text.embeddings();
            long rows = e.getShape().get(0) * e.getShape().get(1);
            long dim = e.getShape().get(2);
            embeddings = new FeatureArray("text", new long[] {rows, dim}, e.reshape(rows, dim).toFloatArray());
        }
        long[][] tokens = tokenizer(encoder) == null ? null : new long[prompts.size()][];
        if (tokens != null) {
            for (int i = 0; i < prompts.size(); i++) {
                tokens[i] = tokenize(encoder, prompts.get(i));
            }
        }
        return new TextFeatures(prompts, tokens, embeddings);
    }

    /** The authors' {@code template.format(name)} after cutting the name at its first {@code ", "}. */
    static String fill(String template, String className) {
        int cut = className.indexOf(", ");
        String name = cut >= 0 ? className.substring(0, cut) : className;
        int at = template.indexOf("{}");
        return at < 0 ? template : template.substring(0, at) + name + template.substring(at + 2);
    }

    /**
     * The encoder's public {@code long[] tokenize(String prompt)}, if it has one. The TextEncoder
     * API has no tokenizer method; CLIP's towers offer this one.
     */
    private static Method tokenizer(TextEncoder encoder) {
        try {
            Method m = encoder.getClass().getMethod("tokenize", String.class);
            return m.getReturnType() == long[].class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static long[] tokenize(TextEncoder encoder, String prompt) {
        try {
            return (long[]) tokenizer(encoder).invoke(encoder, prompt);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token ids as one row-major array (T × context), or null. */
    public long[] flatTokens() {
        if (tokens == null) {
            return null;
        }
        int context = tokens.length == 0 ? 0 : tokens[0].length;
        long[] flat = new long[tokens.length * context];
        for (int i = 0; i < tokens.length; i++) {
            System.arraycopy(tokens[i], 0, flat, i * context, context);
        }
        return flat;
    }
}
