package dev.backprop.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An open folder, reached from a trusted starting folder one name at a time without following a
 * symbolic link, and the files in it opened the same way: relative to the open folder and with
 * {@code NOFOLLOW_LINKS} ({@code openat(2)} with {@code O_NOFOLLOW} through a
 * {@link SecureDirectoryStream}). A link swapped into the path after it was checked is refused, never
 * followed, so what is opened is always a file beneath the starting folder. Only regular files are
 * opened: a FIFO, a device or a socket is refused before it is opened (opening a FIFO would block).
 * Where the platform has no secure directory streams (Windows) the same checks run on paths.
 */
public final class Folder implements Closeable {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path path;
    /** The open folder; null on platforms without secure directory streams (then {@link #path} is used). */
    private final SecureDirectoryStream<Path> dir;

    private Folder(Path path, SecureDirectoryStream<Path> dir) {
        this.path = path;
        this.dir = dir;
    }

    /** Opens {@code folder} itself (following links: the caller trusts this path). */
    public static Folder open(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw Files.exists(abs) ? new NotDirectoryException(abs.toString())
                    : new NoSuchFileException(abs.toString(), null, "no such folder");
        }
        DirectoryStream<Path> ds = Files.newDirectoryStream(abs);
        if (ds instanceof SecureDirectoryStream<Path> sds) {
            return new Folder(abs, sds);
        }
        ds.close();
        return new Folder(abs, null);
    }

    /**
     * Opens {@code start/relative}, where {@code start} is trusted and each name of {@code relative} must
     * be a real folder, not a link: a link on the way is a {@link LinkOnPathException}.
     */
    public static Folder beneath(Path start, Path relative) throws IOException {
        Folder f = open(start);
        if (relative == null) {
            return f;
        }
        try {
            for (Path name : relative) {
                Folder next = f.child(name.toString());
                f.close();
                f = next;
            }
            return f;
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** The folder's path (for messages; the folder itself is held open). */
    public Path path() {
        return path;
    }

    private Folder child(String name) throws IOException {
        Path p = path.resolve(checkName(name));
        BasicFileAttributes a = entry(name, p, "folder");
        if (!a.isDirectory()) {
            throw new NotDirectoryException(p.toString());
        }
        if (dir == null) {
            return new Folder(p, null);
        }
        // a folder swapped for a link between the check above and this open fails here (O_NOFOLLOW)
        try {
            return new Folder(p, dir.newDirectoryStream(Path.of(name), NOFOLLOW));
        } catch (IOException e) {
            throw openFailure(name, p, e);
        }
    }

    /** The attributes of the entry {@code name} at {@code p}, which must be there (a {@code what}) and not a link. */
    private BasicFileAttributes entry(String name, Path p, String what) throws IOException {
        BasicFileAttributes a = attributes(name);
        if (a == null) {
            throw new NoSuchFileException(p.toString(), null, "no such " + what);
        }
        if (a.isSymbolicLink()) {
            throw new LinkOnPathException(p);
        }
        return a;
    }

    /** Why opening {@code name} failed after {@link #entry} passed: a link swapped in meanwhile, else {@code e}. */
    private IOException openFailure(String name, Path p, IOException e) {
        return isLink(name) ? new LinkOnPathException(p) : e;
    }

    /** The attributes of the entry {@code name} itself (a link is not followed), or null when there is none. */
    public BasicFileAttributes attributes(String name) throws IOException {
        try {
            if (dir == null) {
                return Files.readAttributes(path.resolve(checkName(name)), BasicFileAttributes.class, NOFOLLOW);
            }
            return dir.getFileAttributeView(Path.of(checkName(name)), BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private boolean isLink(String name) {
        try {
            BasicFileAttributes a = attributes(name);
            return a != null && a.isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the regular file {@code name} in this folder for reading. A link is a
     * {@link LinkOnPathException}; a FIFO, device, socket or folder is an IOException saying what it is.
     */
    public OpenedFile openRegularFile(String name) throws IOException {
        Path p = path.resolve(checkName(name));
        BasicFileAttributes before = entry(name, p, "file");
        if (!before.isRegularFile()) {
            throw new NotRegularFileException(p, before);
        }
        SeekableByteChannel ch;
        Set<OpenOption> read = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            ch = dir == null ? Files.newByteChannel(p, read) : dir.newByteChannel(Path.of(name), read);
        } catch (IOException e) {
            throw openFailure(name, p, e);
        }
        try {
            // the entry is still the file checked above (not swapped for another one while opening)
            BasicFileAttributes after = attributes(name);
            if (after == null || !after.isRegularFile() || before.fileKey() != null
                    && !before.fileKey().equals(after.fileKey())) {
                throw new LinkOnPathException(p);
            }
            return new OpenedFile(p, ch, ch.size(), after.fileKey());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Creates the new, empty file {@code name} for writing (never through a link, never over an entry). */
    FileChannel createNew(String name) throws IOException {
        Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        SeekableByteChannel ch = dir == null ? Files.newByteChannel(path.resolve(checkName(name)), create)
                : dir.newByteChannel(Path.of(checkName(name)), create);
        if (ch instanceof FileChannel fc) {
            return fc;
        }
        ch.close();
        throw new IOException("cannot write " + path.resolve(name) + ": the file system gives no file channel");
    }

    /** Renames {@code from} over {@code to}, both in this folder (a link named {@code to} is replaced, not followed). */
    void renameOver(String from, String to) throws IOException {
        if (dir == null) {
            Files.move(path.resolve(checkName(from)), path.resolve(checkName(to)),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            dir.move(Path.of(checkName(from)), dir, Path.of(checkName(to)));
        }
    }

    /** Deletes the file {@code name} in this folder if it is there. */
    void deleteIfExists(String name) throws IOException {
        try {
            if (dir == null) {
                Files.deleteIfExists(path.resolve(checkName(name)));
            } else {
                dir.deleteFile(Path.of(checkName(name)));
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    /** The names of the entries in this folder. */
    List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        if (dir == null) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
                ds.forEach(p -> out.add(p.getFileName().toString()));
            }
            return out;
        }
        // a second stream over the same open folder: "." opened relative to it, never by path
        try (SecureDirectoryStream<Path> again = dir.newDirectoryStream(Path.of("."), NOFOLLOW)) {
            again.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    /** Makes renames in this folder durable where the platform allows (Linux, macOS); best effort. */
    void sync() {
        try (SeekableByteChannel ch = dir == null ? FileChannel.open(path, StandardOpenOption.READ)
                : dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
            if (ch instanceof FileChannel fc) {
                fc.force(true);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported here (e.g. Windows); the file's own data was already forced
        }
    }

    /** One plain name: no separator, not {@code .} or {@code ..}. */
    private static String checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        if (dir != null) {
            dir.close();
        }
    }
}
