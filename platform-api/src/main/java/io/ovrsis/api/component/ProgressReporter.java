package io.ovrsis.api.component;

/** A progress bar handed to plugins; the runtime decides how it is drawn. */
public interface ProgressReporter extends AutoCloseable {
    void step(long n);

    default void step() {
        step(1);
    }

    void message(String text);

    @Override
    void close();

    /** A reporter that draws nothing (tests). */
    static ProgressReporter silent() {
        return new ProgressReporter() {
            @Override
            public void step(long n) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public void close() {
            }
        };
    }
}
