package dev.backprop.script;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only file system guest code sees (module imports, {@code load} of files): the host's, confined
 * to the sandbox's {@link Roots}. Only {@code file:} URIs parse; every access is checked first.
 */
final class ConfinedFileSystem implements FileSystem {
    private final FileSystem host = FileSystem.newDefaultFileSystem();
    private final Roots roots;

    ConfinedFileSystem(Roots roots) {
        this.roots = roots;
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new AccessError("cannot load " + uri + ": scripts may only import files inside the sandbox's read roots,"
                    + " not URLs");
        }
        return host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !path.matches("^[a-zA-Z]:[\\\\/].*")) {
            throw new AccessError("cannot load " + path + ": scripts may only import files inside the sandbox's read"
                    + " roots, not URLs");
        }
        return host.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        Path p = modes.contains(AccessMode.WRITE) ? roots.checkWrite(abs(path)) : roots.checkRead(abs(path));
        host.checkAccess(p, modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        host.createDirectory(roots.checkWrite(abs(dir)), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        host.delete(roots.checkWrite(abs(path)));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        Path p = writing ? roots.checkWrite(abs(path)) : roots.checkRead(abs(path));
        return host.newByteChannel(p, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return host.newDirectoryStream(roots.checkRead(abs(dir)), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return abs(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return roots.checkRead(host.toRealPath(roots.checkRead(abs(path)), linkOptions));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return host.readAttributes(roots.checkRead(abs(path)), attributes, options);
    }

    private Path abs(Path path) {
        if (path.isAbsolute()) {
            return path;
        }
        Path base = roots.readBase();
        return base != null ? base.resolve(path) : path.toAbsolutePath();
    }
}
