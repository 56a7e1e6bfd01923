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
 * to the sandbox's {@link Roots}, read-only. Only {@code file:} URIs parse; every access is checked
 * first, and files are opened by {@link Roots#openRead} (real path at open time, no link followed,
 * regular files only). Guest code writes files only through {@code net.save} and {@code plot.save}.
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
        if (modes.contains(AccessMode.WRITE)) {
            throw readOnly(path);
        }
        host.checkAccess(roots.checkRead(abs(path)), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw readOnly(dir);
    }

    @Override
    public void delete(Path path) {
        throw readOnly(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ && o != LinkOption.NOFOLLOW_LINKS) {
                throw readOnly(path);
            }
        }
        return roots.openRead(roots.checkRead(abs(path))).channel();
    }

    private static AccessError readOnly(Path path) {
        return new AccessError("cannot write " + path + ": scripts write files only with net.save and plot.save,"
                + " inside the sandbox's write root");
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
