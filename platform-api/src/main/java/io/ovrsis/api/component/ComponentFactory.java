package io.ovrsis.api.component;

import org.pf4j.ExtensionPoint;

/**
 * Builds one kind of component from its typed config. Every slot has its own sub-interface (for
 * example {@code ImageEncoderFactory}); plugins annotate implementations with {@code @Extension}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #id()} is the {@code component:} value used in experiment YAML, unique per slot;</li>
 *   <li>{@link #configType()} is a record bound strictly from the remaining YAML keys of the slot
 *       (unknown keys are errors) and validated with Jakarta Bean Validation;</li>
 *   <li>{@link #defaultConfig()} gives every key's default; user keys are merged on top of it;</li>
 *   <li>{@link #create} builds the component and declares its parameters' shapes. It loads no
 *       weights, opens no files and allocates no tensors: weights come later through
 *       {@link Preparable#prepare}.</li>
 * </ul>
 *
 * @param <C> the config record
 * @param <T> the component type of the slot
 */
public interface ComponentFactory<C, T> extends ExtensionPoint {

    /** The component id used in YAML ({@code component: clip-vit-b16}). */
    String id();

    /** The record type the component's YAML block binds to. */
    Class<C> configType();

    /** The config with every key at its default value. */
    C defaultConfig();

    /**
     * Builds the component: no I/O, no weights. Throws {@link ComponentException} when the config
     * does not fit the upstream components described by {@code context}.
     */
    T create(C config, BuildContext context);

    /** A one-line description and the pretrained tags offered. */
    ComponentInfo info();
}
