package dev.backprop.script;

import dev.backprop.io.AtomicFile;
import dev.backprop.io.Folder;
import dev.backprop.io.LinkOnPathException;
import dev.backprop.io.OpenedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The folders a sandbox may read and write. A path is inside a root when both its normalized form
 * and its real path (symbolic links followed, for the longest existing prefix) lie under the root's
 * real path, so neither {@code ..} nor a link can escape. Reads are confined to the read roots (the
 * script's folder plus those granted); the write root is not readable, except the files this sandbox
 * itself wrote, so a script can load what it saved. "May be written" ({@link #resolveWrite}) and
 * "this sandbox wrote it" ({@link #save}, once the save completed) are separate facts.
 *
 * <p>Files are opened by {@link #openRead} and {@link #save} only: the real path is resolved again at
 * open time, checked, and then walked from its root one name at a time without following any link
 * ({@link Folder}), so a link swapped in after the check is refused instead of followed; only regular
 * files are opened.
 */
public final class Roots {
    private final List<Path> readRoots;
    private final Path writeRoot;
    private volatile Path readBase;
    private volatile Path scriptRoot;
    /** Stands for "no file identity" where the platform has none (the map takes no nulls). */
    private static final Object NO_KEY = new Object();
    /**
     * Real paths of the files this sandbox saved, each with the identity of the file it wrote: readable
     * back although outside the read roots, as long as the file there is still that one.
     */
    private final Map<Path, Object> written = new ConcurrentHashMap<>();
    /** Asked at the point of refusal (the command line asks on the terminal); {@link Access#REFUSE} by default. */
    private final Access access;
    /** Real paths of folders {@link #access} granted: read roots and write roots from then on. */
    private final List<Path> grantedReads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Path> grantedWrites = new java.util.concurrent.CopyOnWriteArrayList<>();

    Roots(List<Path> reads, Path write) {
        this(reads, write, Access.REFUSE);
    }

    Roots(List<Path> reads, Path write, Access access) {
        this.access = access;
        List<Path> rs = new ArrayList<>();
        for (Path p : reads) {
            rs.add(real(p, "read root"));
        }
        this.readRoots = List.copyOf(rs);
        this.writeRoot = write == null ? null : real(write, "write root");
        this.readBase = readRoots.isEmpty() ? writeRoot : readRoots.get(0);
    }

    /** The folder relative reads resolve against: the running script's folder, else the first read root. */
    Path readBase() {
        return readBase;
    }

    /** Makes a running script's folder readable and the base for relative reads. */
    void setScriptFolder(Path dir) {
        Path real = real(dir, "script folder");
        this.scriptRoot = real;
        this.readBase = real;
    }

    Path writeRoot() {
        return writeRoot;
    }

    /**
     * The absolute path a script may read for {@code name}: relative names resolve against the script's
     * folder (else the first read root); when not found there, a file of that name this sandbox wrote
     * in the write root, so a script can load what it saved.
     */
    public Path resolveRead(String name) {
        Path p = fileName(name, "read");
        if (!p.isAbsolute()) {
            Path base = readBase != null ? readBase : Path.of("").toAbsolutePath();
            Path first = base.resolve(p);
            if (!Files.exists(first) && writeRoot != null) {
                Path saved = writeRoot.resolve(p).normalize();
                if (written.containsKey(realOfLongestPrefix(saved))) {
                    first = saved;
                }
            }
            p = first;
        }
        return checkRead(p);
    }

    /** The absolute path a script may write for {@code name}: relative names resolve against the write root. */
    public Path resolveWrite(String name) {
        Path p = fileName(name, "write");
        if (!p.isAbsolute()) {
            if (writeRoot == null) {
                throw new AccessError("cannot write '" + name + "': this sandbox has no write root"
                        + " (give one with --write-root DIR or SandboxBuilder.writeRoot)");
            }
            p = writeRoot.resolve(p);
        }
        return checkWrite(p);
    }

    /** {@code name} as a path, or a ValueError a learner can act on (an empty name, a NUL, a lone surrogate). */
    private static Path fileName(String name, String what) {
        if (name.isBlank()) {
            throw new dev.backprop.nn.ValueError("cannot " + what + " a file without a name; give one like 'model.json'");
        }
        try {
            return Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new dev.backprop.nn.ValueError("cannot " + what + " a file named like that: a file name cannot hold"
                    + " a NUL character (\\u0000) or half of a surrogate pair; use letters, digits, '-', '_' and '.'");
        }
    }

    /** Returns the normalized absolute path when it is inside a read root or is a file this sandbox wrote. */
    Path checkRead(Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (Path root : readRoots) {
            if (inside(p, root)) {
                return p;
            }
        }
        if (scriptRoot != null && inside(p, scriptRoot)
                || writeRoot != null && inside(p, writeRoot) && written.containsKey(realOfLongestPrefix(p))) {
            return p;
        }
        for (Path root : grantedReads) {
            if (inside(p, root)) {
                return p;
            }
        }
        if (access.grant(Access.Kind.READ, p)) {
            grantedReads.add(grantedFolder(p));
            return p;
        }
        List<Path> all = new ArrayList<>(readRoots);
        if (scriptRoot != null && !all.contains(scriptRoot)) {
            all.add(scriptRoot);
        }
        String roots = all.isEmpty() ? "none" : all.stream().map(Path::toString).collect(Collectors.joining(", "));
        throw new AccessError("cannot read " + path + ": it is outside the sandbox's read roots (" + roots
                + ") and is not a file this sandbox wrote; move it into a read root or grant its folder with"
                + " --read-root DIR (alias --allow-read; SandboxBuilder.readRoot in Java)");
    }

    /** Returns the normalized absolute path when it is inside the write root (nothing is recorded: see {@link #save}). */
    Path checkWrite(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (writeRootOf(p) != null) {
            return p;
        }
        if (access.grant(Access.Kind.WRITE, p)) {
            grantedWrites.add(grantedFolder(p));
            return p;
        }
        if (writeRoot == null) {
            throw new AccessError("cannot write " + path + ": this sandbox has no write root"
                    + " (give one with --write-root DIR or SandboxBuilder.writeRoot)");
        }
        if (!inside(p, writeRoot)) {
            throw new AccessError("cannot write " + path + ": it is outside the sandbox's write root (" + writeRoot
                    + "); write inside it or run with --write-root DIR (alias --allow-write; SandboxBuilder.writeRoot in"
                    + " Java)");
        }
        return p;
    }

    /**
     * Opens {@code checked} (a path {@link #resolveRead} returned) for reading: its real path now must lie
     * in a read root (or be a file this sandbox saved, still the same file), and is opened beneath that
     * root without following links. A link swapped in since the check is an AccessError; a FIFO, device,
     * socket or folder an IOException; nothing is read in either case.
     */
    public OpenedFile openRead(Path checked) throws IOException {
        Path real;
        try {
            real = checked.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(checked.toString(), null, "no such file");
        }
        Path root = readRootOf(real);
        Object expected = null;
        if (root == null && writeRoot != null && real.startsWith(writeRoot)) {
            expected = written.get(real);
            root = expected == null ? null : writeRoot;
        }
        if (root == null) {
            checkRead(real); // throws the AccessError naming the roots
            throw new AccessError("cannot read " + checked + ": it changed while being opened; nothing was read");
        }
        Path rel = root.relativize(real);
        if (rel.getFileName() == null || rel.toString().isEmpty()) {
            throw new IOException("cannot read " + checked + ": it is a folder, not a file");
        }
        try (Folder folder = Folder.beneath(root, rel.getParent())) {
            OpenedFile f = folder.openRegularFile(rel.getFileName().toString());
            if (expected != null && expected != NO_KEY && !expected.equals(f.fileKey())) {
                f.close();
                throw new AccessError("cannot read " + checked + ": the file this sandbox saved there was replaced"
                        + " since, and files in the write root are readable only as this sandbox wrote them");
            }
            return new OpenedFile(checked, f.channel(), f.size(), f.fileKey());
        } catch (LinkOnPathException e) {
            throw new AccessError("cannot read " + checked + ": " + e.getReason());
        }
    }

    /**
     * Replaces the file {@code checked} (a path {@link #resolveWrite} returned) with {@code content}
     * atomically, in its folder opened beneath the write root without following links; only once the
     * save completed is the file this sandbox's own (readable back). A failed save records nothing.
     */
    public void save(Path checked, AtomicFile.Content content) throws IOException {
        Path dir = checked.getParent();
        Path name = checked.getFileName();
        if (dir == null || name == null) {
            throw new IOException("cannot save to " + checked + ": give a file name such as network.json");
        }
        Path dirReal;
        try {
            dirReal = dir.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(checked.toString(), null,
                    "cannot save here: the folder " + dir + " does not exist; create it first");
        }
        Path root = writeRootOf(dirReal);
        if (root == null) {
            checkWrite(dirReal.resolve(name)); // throws the AccessError naming the write root
            throw new AccessError("cannot write " + checked + ": its folder changed while being opened; nothing"
                    + " was written");
        }
        Path rel = root.relativize(dirReal);
        try (Folder folder = Folder.beneath(root, rel.toString().isEmpty() ? null : rel)) {
            Object key = AtomicFile.write(folder, name.toString(), content);
            written.put(dirReal.resolve(name), key == null ? NO_KEY : key);
        } catch (LinkOnPathException e) {
            throw new AccessError("cannot write " + checked + ": " + e.getReason());
        }
    }

    /** The read root (or script folder, or granted folder) that holds the real path {@code real}, or null. */
    private Path readRootOf(Path real) {
        for (Path root : readRoots) {
            if (real.startsWith(root)) {
                return root;
            }
        }
        if (scriptRoot != null && real.startsWith(scriptRoot)) {
            return scriptRoot;
        }
        for (Path root : grantedReads) {
            if (real.startsWith(root)) {
                return root;
            }
        }
        return null;
    }

    /** The write root or granted folder that holds {@code p} (lexically and by real path), or null. */
    private Path writeRootOf(Path p) {
        if (writeRoot != null && inside(p, writeRoot)) {
            return writeRoot;
        }
        for (Path root : grantedWrites) {
            if (inside(p, root)) {
                return root;
            }
        }
        return null;
    }

    /** The folder a grant for {@code p} opens: p itself when it is a folder, else its parent; by real path. */
    private static Path grantedFolder(Path p) {
        Path real = realOfLongestPrefix(p);
        Path folder = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS) ? real : real.getParent();
        return folder == null ? real : folder;
    }

    /** Lexically under root, and its real path (longest existing prefix, links followed) under root too. */
    private static boolean inside(Path normalized, Path root) {
        return normalized.startsWith(root) && realOfLongestPrefix(normalized).startsWith(root);
    }

    private static Path realOfLongestPrefix(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            // a dangling link or a loop: treat as outside by returning something no root contains
            return Path.of("/nonexistent-dangling-link").resolve(p.getFileName() == null ? Path.of("x") : p.getFileName());
        }
    }

    private static Path real(Path p, String what) {
        try {
            return p.toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's " + what + " " + p + " does not exist or cannot be read", e);
        }
    }
}
