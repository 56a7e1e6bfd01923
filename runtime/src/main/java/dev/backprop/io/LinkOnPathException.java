package dev.backprop.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A symbolic link where a checked path had none: the path changed between the check and the open
 * (or a link points where no check allowed), and the file was not opened.
 */
public final class LinkOnPathException extends FileSystemException {
    public LinkOnPathException(Path where) {
        super(where.toString(), null, "a symbolic link is on the way (the path changed after it was checked, or it"
                + " leads elsewhere); the file was not opened");
    }
}
