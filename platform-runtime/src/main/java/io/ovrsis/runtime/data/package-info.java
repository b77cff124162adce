/**
 * Host-side image handling: joint segmentation augmentation on Java arrays (resize, random crop,
 * SSD colour jitter, flip), PIL-style resizing for the test path, normalisation and padding, and the
 * background batch loader. Worker threads never touch JNI; NDArrays are created on the caller's
 * thread.
 */
package io.ovrsis.runtime.data;
