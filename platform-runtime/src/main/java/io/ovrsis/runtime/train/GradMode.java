package io.ovrsis.runtime.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is thread-local; DJL only switches it off on the thread that loaded the
 * engine (djl-notes finding 11). Evaluation and optimiser updates call {@link #off()} explicitly.
 */
public final class GradMode {
    static {
        // loads the native library before the first JNI call
        ai.djl.engine.Engine.getEngine("PyTorch");
    }

    private GradMode() {
    }

    public static void off() {
        JniUtils.setGradMode(false);
    }

    public static boolean enabled() {
        return JniUtils.isGradMode();
    }
}
