package io.ovrsis.runtime.weights;

/**
 * A storage a pickle refers to through a persistent id.
 *
 * @param key the storage's key: the entry name under {@code data/} in zip files, the key in the
 *     legacy format's storage list
 * @param type the element type the storage was saved with
 * @param numel number of elements the persistent id declares
 * @param elementOffset where this storage starts inside the stored one, in elements (non-zero only
 *     for storage views of very old legacy files)
 */
record StorageRef(String key, StorageType type, long numel, long elementOffset) {

    /** Bytes the persistent id says the storage holds. */
    long declaredBytes() {
        return numel * type.elementBytes();
    }
}
