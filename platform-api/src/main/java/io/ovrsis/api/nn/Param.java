package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One named parameter: its shape is fixed at build time, its array is allocated by
 * {@link TensorModule#initialize}. Trainability and the optimiser's per-parameter settings live here.
 */
public final class Param {
    private final String name;
    private final Shape shape;
    private final Init init;
    private NDArray array;
    private boolean trainable = true;
    private float lrMultiplier = 1f;
    private boolean weightDecay;

    Param(String name, Shape shape, Init init, boolean weightDecay) {
        this.name = name;
        this.shape = shape;
        this.init = init;
        this.weightDecay = weightDecay;
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public boolean isInitialized() {
        return array != null;
    }

    /** The tensor; fails if the module was not initialised yet. */
    public NDArray array() {
        if (array == null) {
            throw new IllegalStateException("parameter " + name + " is not initialised");
        }
        return array;
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean value) {
        trainable = value;
        if (array != null) {
            array.setRequiresGradient(value);
        }
    }

    public float lrMultiplier() {
        return lrMultiplier;
    }

    public void setLrMultiplier(float value) {
        lrMultiplier = value;
    }

    /** False for norm layers and embeddings (detectron2's WEIGHT_DECAY_NORM/EMBED = 0). */
    public boolean weightDecay() {
        return weightDecay;
    }

    public void setWeightDecay(boolean value) {
        weightDecay = value;
    }

    void allocate(NDManager manager, SplittableRandom rng) {
        float[] values = init.values(shape, rng);
        array = manager.create(values, shape);
        array.setName(name);
        if (trainable) {
            array.setRequiresGradient(true);
        }
    }

    /**
     * Copies checkpoint values into this parameter, widening fp16/fp64 to fp32. The shape must match
     * exactly; the caller reports mismatches with the file and key.
     */
    public void load(NDArray source) {
        if (!source.getShape().equals(shape)) {
            throw new IllegalArgumentException(name + ": shape " + source.getShape() + ", expected " + shape);
        }
        try (NDArray f = source.getDataType() == DataType.FLOAT32 ? null : source.toType(DataType.FLOAT32, false)) {
            NDArray src = f == null ? source : f;
            array().set(src.toByteBuffer());
        }
    }

    /** Copies raw fp32 values (row major). */
    public void load(float[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values, expected " + shape.size()
                    + " for shape " + Arrays.toString(shape.getShape()));
        }
        array().set(values);
    }

    @Override
    public String toString() {
        return name + shape;
    }
}
