package dev.backprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file all at once: the new content goes to a temporary file in the same open
 * {@link Folder} ({@code .name.<pid>-<random>.tmp}), is forced to disk, then renamed over the target
 * in that folder (atomic, and never through a link). A failure at any point leaves the old file as it
 * was and removes the temporary file; temporary files a killed process left behind for the same
 * target are removed by the next successful save of it.
 */
public final class AtomicFile {
    private static final long PID = ProcessHandle.current().pid();
    /** Temporary names this JVM is writing right now (never cleaned up from under a running save). */
    private static final Set<String> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private AtomicFile() {
    }

    /** Writes the content to an output stream; may fail part way. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} (its folder trusted, links followed there) with {@code content}. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, UnaryOperator.identity());
    }

    /**
     * As {@link #write(Path, Content)}; {@code seam} wraps the temporary file's stream (the identity in
     * production; tests pass one that fails mid-write).
     */
    static void write(Path target, Content content, UnaryOperator<OutputStream> seam) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || file.getFileName() == null) {
            throw new IOException("cannot save to " + target + ": give a file name such as network.json");
        }
        Folder folder;
        try {
            folder = Folder.open(dir);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(target.toString(), null,
                    "cannot save here: the folder " + dir + " does not exist; create it first");
        }
        try (folder) {
            write(folder, file.getFileName().toString(), content, seam);
        }
    }

    /**
     * Replaces the file {@code name} in {@code folder} with {@code content}; returns the new file's
     * identity (its {@code fileKey}, null where the platform has none).
     */
    public static Object write(Folder folder, String name, Content content) throws IOException {
        return write(folder, name, content, UnaryOperator.identity());
    }

    static Object write(Folder folder, String name, Content content, UnaryOperator<OutputStream> seam)
            throws IOException {
        Path file = folder.path().resolve(name);
        BasicFileAttributes old = folder.attributes(name);
        if (old != null && old.isDirectory()) {
            throw new IOException("cannot save to " + file + ": it is a folder; give a file name such as "
                    + file.resolve("network.json"));
        }
        if (old != null && old.isOther()) {
            throw new NotRegularFileException(file, old);
        }
        Temp temp = createTemp(folder, name);
        String tmp = temp.name();
        boolean done = false;
        try {
            Object key;
            try (FileChannel ch = temp.channel();
                 OutputStream out = seam.apply(Channels.newOutputStream(ch))) {
                content.writeTo(out);
                out.flush();
                ch.force(true); // the bytes are on disk before the rename makes them visible
                BasicFileAttributes a = folder.attributes(tmp);
                key = a == null ? null : a.fileKey();
            }
            folder.renameOver(tmp, name);
            done = true;
            folder.sync();
            removeOrphans(folder, name);
            return key;
        } finally {
            IN_PROGRESS.remove(tmp);
            if (!done) {
                try {
                    folder.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    private record Temp(String name, FileChannel channel) {
    }

    /** A new, empty file beside the target, registered as in progress: {@code .name.<pid>-<random>.tmp}. */
    private static Temp createTemp(Folder folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String tmp = "." + name + "." + PID + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp";
            IN_PROGRESS.add(tmp);
            try {
                return new Temp(tmp, folder.createNew(tmp));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                IN_PROGRESS.remove(tmp);
                if (attempt > 100) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                IN_PROGRESS.remove(tmp);
                throw e;
            }
        }
    }

    /**
     * Deletes temporary files of earlier saves of {@code name} whose writer is gone: a process no longer
     * running (killed mid-save), or this JVM when the save is no longer in progress.
     */
    private static void removeOrphans(Folder folder, String name) {
        Pattern own = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d+)-[0-9a-f]{1,16}\\.tmp");
        try {
            for (String entry : folder.names()) {
                Matcher m = own.matcher(entry);
                if (!m.matches()) {
                    continue;
                }
                long pid = Long.parseLong(m.group(1));
                boolean orphan = pid == PID ? !IN_PROGRESS.contains(entry)
                        : ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                if (orphan) {
                    folder.deleteIfExists(entry);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // cleaning up is a courtesy; the save itself succeeded
        }
    }
}
