package io.ovrsis.api.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A tree of named parameters and child modules, like {@code torch.nn.Module}. Subclasses declare
 * parameters and children in their constructors (shapes only); {@link #initialize} allocates them.
 */
public abstract class TensorModule {
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, TensorModule> children = new LinkedHashMap<>();

    /** Declares a parameter that takes weight decay. */
    protected final Param param(String name, Shape shape, Init init) {
        return add(new Param(name, shape, init, true));
    }

    /** Declares a parameter without weight decay (norm layers, embeddings). */
    protected final Param paramNoDecay(String name, Shape shape, Init init) {
        return add(new Param(name, shape, init, false));
    }

    private Param add(Param p) {
        if (params.containsKey(p.name()) || children.containsKey(p.name())) {
            throw new IllegalArgumentException("duplicate name " + p.name() + " in " + getClass().getSimpleName());
        }
        params.put(p.name(), p);
        return p;
    }

    /** Registers a child module under a PyTorch attribute name ({@code "0"}, {@code "attn"}). */
    protected final <M extends TensorModule> M child(String name, M module) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("duplicate name " + name + " in " + getClass().getSimpleName());
        }
        children.put(name, module);
        return module;
    }

    public Map<String, TensorModule> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Every parameter by dotted PyTorch name, in declaration order (as {@code state_dict()}). */
    public Map<String, Param> namedParameters() {
        Map<String, Param> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Param> out) {
        params.forEach((n, p) -> out.put(prefix + n, p));
        children.forEach((n, c) -> c.collect(prefix + n + ".", out));
    }

    /**
     * Allocates every parameter not yet allocated, with values derived from {@code seed} and the
     * parameter's dotted name (so adding a module elsewhere does not change these values).
     */
    public void initialize(NDManager manager, long seed) {
        for (Map.Entry<String, Param> e : namedParameters().entrySet()) {
            if (!e.getValue().isInitialized()) {
                long h = seed;
                for (byte b : e.getKey().getBytes(StandardCharsets.UTF_8)) {
                    h = h * 1_000_003L + b;
                }
                e.getValue().allocate(manager, new SplittableRandom(h));
            }
        }
    }

    public long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.shape().size()).sum();
    }

    public long trainableParameterCount() {
        return namedParameters().values().stream().filter(Param::trainable).mapToLong(p -> p.shape().size()).sum();
    }

    /** Freezes everything, then makes the parameters whose dotted name matches trainable. */
    public void setTrainableWhere(Predicate<String> trainableName) {
        namedParameters().forEach((n, p) -> p.setTrainable(trainableName.test(n)));
    }

    /** Sets every parameter trainable or frozen. */
    public void setTrainable(boolean trainable) {
        namedParameters().values().forEach(p -> p.setTrainable(trainable));
    }
}
