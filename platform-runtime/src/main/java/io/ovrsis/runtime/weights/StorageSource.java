package io.ovrsis.runtime.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Gives the raw bytes of one stored storage. */
interface StorageSource {

    /**
     * Reads a whole storage into a new direct buffer of exactly {@code storage.declaredBytes()}
     * bytes, position 0.
     *
     * @param storage a root storage as the pickle declared it
     * @throws io.ovrsis.api.component.ComponentException FORMAT if the file holds fewer bytes
     */
    ByteBuffer read(StorageRef storage) throws IOException;

    /** Byte order of the stored elements. */
    ByteOrder order();
}
