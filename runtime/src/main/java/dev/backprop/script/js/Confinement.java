package dev.backprop.script.js;

import dev.backprop.io.AtomicFile;
import dev.backprop.io.OpenedFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The files a sandbox's script may reach, as the binding needs them: paths resolved and checked against the
 * roots, files opened and saved beneath them. The sandbox's roots ({@code dev.backprop.script.Roots}) stand
 * behind it; a refusal is a {@link SecurityException} the script sees as {@code SecurityError}.
 */
public interface Confinement {
    /** The absolute path a script may read for {@code name}. */
    Path resolveRead(String name);

    /** The absolute path a script may write for {@code name}. */
    Path resolveWrite(String name);

    /** Opens {@code checked} (from {@link #resolveRead}) for reading, confined at open time. */
    OpenedFile openRead(Path checked) throws IOException;

    /** Saves {@code content} atomically to {@code checked} (from {@link #resolveWrite}). */
    void save(Path checked, AtomicFile.Content content) throws IOException;
}
