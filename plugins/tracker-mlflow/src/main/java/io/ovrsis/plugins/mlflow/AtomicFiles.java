package io.ovrsis.plugins.mlflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes that readers never see half-done: the bytes go to a temporary file first, which is then
 * renamed over the target in one step. The temporary file is created with the default permissions
 * (not {@code Files.createTempFile}'s owner-only ones), so the result is readable like MLflow's files.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} through a temporary file in {@code tempDir} (same file system). */
    static void write(Path target, byte[] bytes, Path tempDir) throws IOException {
        Path temp = newTemp(tempDir, target);
        try {
            try (OutputStream os = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                os.write(bytes);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code bytes} to {@code target} through a temporary file beside it. */
    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, target.getParent());
    }

    /** Copies {@code source} to {@code target} through a temporary file in {@code tempDir}. */
    static void copy(Path source, Path target, Path tempDir) throws IOException {
        Path temp = newTemp(tempDir, target);
        try {
            Files.copy(source, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path newTemp(Path dir, Path target) {
        String name = target.getFileName().toString();
        String prefix = name.length() > 40 ? name.substring(0, 40) : name;
        return dir.resolve("." + prefix + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
