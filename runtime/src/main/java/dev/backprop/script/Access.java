package dev.backprop.script;

import java.nio.file.Path;

/**
 * Asked when a script reaches outside the sandbox's roots, at the point where the access would be
 * refused: true lets this one access through, false refuses it with an {@link AccessError} naming the
 * flag to add. The default ({@link #REFUSE}) asks no one; the command line gives one that asks on the
 * terminal ({@link SandboxBuilder#access}). Called on the script's thread, while the script waits.
 */
@FunctionalInterface
public interface Access {
    /** Refuses every access outside the roots: the embedding API's default. */
    Access REFUSE = (kind, path) -> false;

    /** What the script is about to do with the path. */
    enum Kind { READ, WRITE }

    /**
     * Whether the script may {@code kind} the normalized absolute {@code path}, which lies outside the
     * read roots (READ) or the write root (WRITE).
     */
    boolean grant(Kind kind, Path path);
}
