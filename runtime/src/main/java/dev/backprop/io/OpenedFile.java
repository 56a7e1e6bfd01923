package dev.backprop.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A regular file open for reading: its path (for messages), the channel, its size when opened and its
 * identity ({@code fileKey}: device and inode on Unix, null where the platform has none).
 */
public record OpenedFile(Path path, SeekableByteChannel channel, long size, Object fileKey) implements Closeable {
    /**
     * Opens {@code path} for the Java API (links followed, as the caller chose this path), refusing what is
     * not a regular file before opening it, so a FIFO never blocks the reader.
     */
    public static OpenedFile open(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (!a.isRegularFile()) {
            throw new NotRegularFileException(path, a);
        }
        SeekableByteChannel ch = Files.newByteChannel(path);
        return new OpenedFile(path, ch, ch.size(), a.fileKey());
    }

    /** The content as a stream (closing it closes the file). */
    public InputStream stream() {
        return Channels.newInputStream(channel);
    }

    /** The file's name without its folder. */
    public String name() {
        return String.valueOf(path.getFileName());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
