package io.ovrsis.runtime.config;

/** Package-private records the scalar parts of the platform blocks are bound to. */
final class PlatformSettings {

    private PlatformSettings() {
    }

    /** The top-level scalar keys. */
    record Top(long seed) {
        static final Top DEFAULTS = new Top(0);
    }

    /** The scalar keys of {@code data}. */
    record Data(int cropSize, int batchSize, int workers) {
        static final Data DEFAULTS = new Data(384, 4, 2);
    }

    /** The scalar keys of {@code eval}. */
    record Eval(int overlays) {
        static final Eval DEFAULTS = new Eval(4);
    }
}
