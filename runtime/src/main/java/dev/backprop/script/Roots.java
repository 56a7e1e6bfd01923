package dev.backprop.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The folders a sandbox may read and write. A path is inside a root when both its normalized form
 * and its real path (symbolic links followed, for the longest existing prefix) lie under the root's
 * real path, so neither {@code ..} nor a link can escape. Reads are confined to the read roots (the
 * script's folder plus those granted); the write root is not readable, except the files this sandbox
 * itself wrote, so a script can load what it saved.
 */
public final class Roots {
    private final List<Path> readRoots;
    private final Path writeRoot;
    private volatile Path readBase;
    private volatile Path scriptRoot;
    /** Normalized paths this sandbox has written (or opened for writing): readable back although outside the read roots. */
    private final Set<Path> written = ConcurrentHashMap.newKeySet();
    /** Asked at the point of refusal (the command line asks on the terminal); {@link Access#REFUSE} by default. */
    private final Access access;

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
        Path p = Path.of(name);
        if (!p.isAbsolute()) {
            Path base = readBase != null ? readBase : Path.of("").toAbsolutePath();
            Path first = base.resolve(p);
            if (!Files.exists(first) && writeRoot != null) {
                Path saved = writeRoot.resolve(p).normalize();
                if (written.contains(saved)) {
                    first = saved;
                }
            }
            p = first;
        }
        return checkRead(p);
    }

    /** The absolute path a script may write for {@code name}: relative names resolve against the write root. */
    public Path resolveWrite(String name) {
        Path p = Path.of(name);
        if (!p.isAbsolute()) {
            if (writeRoot == null) {
                throw new AccessError("cannot write '" + name + "': this sandbox has no write root"
                        + " (give one with --write-root DIR or SandboxBuilder.writeRoot)");
            }
            p = writeRoot.resolve(p);
        }
        return checkWrite(p);
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
                || written.contains(p) && writeRoot != null && inside(p, writeRoot)) {
            return p;
        }
        if (access.grant(Access.Kind.READ, p)) {
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

    /** Returns the normalized absolute path when it is inside the write root. */
    Path checkWrite(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if ((writeRoot == null || !inside(p, writeRoot)) && access.grant(Access.Kind.WRITE, p)) {
            written.add(p);
            return p;
        }
        if (writeRoot == null) {
            throw new AccessError("cannot write " + path + ": this sandbox has no write root"
                    + " (give one with --write-root DIR or SandboxBuilder.writeRoot)");
        }
        if (!inside(p, writeRoot)) {
            throw new AccessError("cannot write " + path + ": it is outside the sandbox's write root (" + writeRoot
                    + "); write inside it or run with --write-root DIR (alias --allow-write; SandboxBuilder.writeRoot in Java)");
        }
        written.add(p);
        return p;
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
