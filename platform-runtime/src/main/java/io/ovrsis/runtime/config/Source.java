package io.ovrsis.runtime.config;

/**
 * Where a config value came from: a position in a YAML file, or one {@code --set} argument.
 * {@link #describe()} is what error messages print ({@code configs/models/x.yaml:3:31},
 * {@code --set #1}); {@link #brief()} is the shorter form print-config uses ({@code configs/x.yaml:3}).
 */
public sealed interface Source permits Source.FromFile, Source.FromSet {

    /** {@code file:line:col} or {@code --set #n}. */
    String describe();

    /** {@code file:line} or {@code --set #n}. */
    String brief();

    /**
     * A position in a YAML file.
     *
     * @param file the file as shown to the user (relative to the project root when inside it)
     * @param line 1-based line; 0 when the whole file is meant
     * @param column 1-based column; 0 when unknown
     */
    record FromFile(String file, int line, int column) implements Source {
        /** The file itself, without a position. */
        public static FromFile wholeFile(String file) {
            return new FromFile(file, 0, 0);
        }

        @Override
        public String describe() {
            if (line <= 0) {
                return file;
            }
            return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
        }

        @Override
        public String brief() {
            return line <= 0 ? file : file + ":" + line;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * One {@code --set path=value} argument.
     *
     * @param number 1-based position among the {@code --set} arguments
     * @param argument the argument as given
     */
    record FromSet(int number, String argument) implements Source {
        @Override
        public String describe() {
            return "--set #" + number;
        }

        @Override
        public String brief() {
            return describe();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
