package dev.backprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file all at once: the new content goes to a temporary file in the same folder, is
 * forced to disk, then renamed over the target (atomically where the file system can). A failure at
 * any point leaves the old file as it was and removes the temporary file.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes the content to an output stream; may fail part way. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target}. {@code seam} wraps the temporary file's stream (the
     * identity in production; tests pass one that fails mid-write).
     */
    static void write(Path target, Content content, UnaryOperator<OutputStream> seam) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new IOException("cannot save to " + target + ": it is a folder; give a file name such as "
                    + file.resolve("network.json"));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null,
                    "cannot save here: the folder " + dir + " does not exist; create it first");
        }
        Path tmp = createTemp(dir, file.getFileName().toString());
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = seam.apply(Channels.newOutputStream(ch))) {
                content.writeTo(out);
                out.flush();
                ch.force(true); // the bytes are on disk before the rename makes them visible
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncFolder(dir);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    /** A new, empty, hidden file beside the target: {@code .name.<random>.tmp}. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (Linux, macOS). */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on this platform (e.g. Windows); the file's own data was already forced
        }
    }
}
