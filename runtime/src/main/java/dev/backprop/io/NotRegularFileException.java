package dev.backprop.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A path that names a FIFO, a device, a socket or a folder where a regular file was expected; never opened. */
public final class NotRegularFileException extends FileSystemException {
    public NotRegularFileException(Path where, BasicFileAttributes a) {
        super(where.toString(), null, "it is " + kind(a) + ", not a regular file; only regular files are read or"
                + " written");
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        // "other": a FIFO (named pipe), a character or block device, or a socket
        return "a special file (a named pipe, device or socket)";
    }

    @Override
    public String getMessage() {
        return "cannot open " + getFile() + ": " + getReason();
    }
}
