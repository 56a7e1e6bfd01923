package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Reads leak" attacks of issue 10, each with its exact outcome: a refused save does not make a
 * file readable; a symbolic link flipped between {@code inside} and {@code outside} by another thread
 * while the sandbox reads, imports or saves in a loop never leaks a byte from outside nor writes a
 * file there; FIFOs, devices and sockets are refused with an IOError instead of blocking.
 */
class ConfinementAttackTest {
    static final String SECRET = "s3cr3t-4f1d";
    /** A hang of the code under test fails the test instead of blocking the build (not a timing assertion). */
    static final Duration HANG = Duration.ofSeconds(60);

    /** The sandbox's read root, its write root, and a folder outside both: three separate temporary folders. */
    @TempDir
    Path read;
    @TempDir
    Path write;
    @TempDir
    Path outside;

    private Scripts sandbox() {
        return Scripts.open(read, write);
    }

    /** The attack of the issue: plot.save refused for its extension, then the file imported as JSON. */
    @Test
    void aRefusedSaveDoesNotMakeTheFileReadable() throws Exception {
        Path config = write.resolve("config.json");
        String original = "{\"token\": \"" + SECRET + "\"}";
        Files.writeString(config, original);
        try (Scripts s = sandbox()) {
            s.eval("""
                    function errName(f) { try { f(); return 'none'; } catch (e) { return e.name; } }
                    const chart = plot.line([1, 2, 3]);
                    print('save', errName(() => plot.save(chart, 'config.json')));
                    print('load', errName(() => nn.load('%1$s')));
                    print('csv', errName(() => nn.data.csv('%1$s')));
                    import('%1$s', { with: { type: 'json' } })
                        .then(m => print('import read', JSON.stringify(m.default)), e => print('import', e.message));
                    """.formatted(config));
            // GraalJS reports a module that cannot be read as an Error carrying the file system's message
            assertTrue(s.out().startsWith("save ValueError\nload SecurityError\ncsv SecurityError\nimport "), s.out());
            assertTrue(s.out().contains("is outside the sandbox's read roots") && !s.out().contains(SECRET), s.out());
        }
        assertEquals(original, Files.readString(config), "the refused save left the file as it was");
        try (Stream<Path> files = Files.list(write)) {
            assertEquals(List.of(config), files.toList(), "nothing else was written");
        }
    }

    /** The sandbox's own save is readable back only once it completed, and only while it is the file it wrote. */
    @Test
    void aSavedFileReplacedFromOutsideIsNoLongerReadable() throws Exception {
        try (Scripts s = sandbox()) {
            s.eval("nn.toy().save('m.json'); print(nn.load('m.json').forward([0.5, 0.9])[0]);");
            assertEquals("0.7620332930580278\n", s.out(), "the lesson's toy network, read back");
            Path m = write.resolve("m.json");
            Path other = outside.resolve("other.json");
            Files.copy(m, other);
            Files.move(other, m, StandardCopyOption.REPLACE_EXISTING); // another process replaced the file
            s.eval("""
                    try { nn.load('%s'); print('read'); } catch (e) { print(e.name); }
                    """.formatted(m));
            assertTrue(s.out().endsWith("SecurityError\n"), s.out());
        }
    }

    /** Another thread flips {@code race.csv} between a file inside the read root and one outside. */
    @Test
    void aLinkFlippedBetweenInsideAndOutsideNeverLeaksARead() throws Exception {
        Path inside = Files.writeString(read.resolve("inside.csv"), "a,y\n1,0\n2,1\n");
        Path secret = Files.writeString(outside.resolve("secret.csv"), "a,y\n7,0\n7,1\n7,0\n");
        Path race = read.resolve("race.csv");
        try (Scripts s = sandbox(); Flipper f = new Flipper(race, inside, secret)) {
            assertTimeoutPreemptively(HANG, () -> s.eval("""
                    let ok = 0, refused = 0, leaked = 0;
                    const other = [];
                    for (let i = 0; i < 1500; i++) {
                      try {
                        const d = nn.data.csv('race.csv');
                        if (d.size === 2) ok++; else leaked++;
                      } catch (e) {
                        if (e.name === 'SecurityError' || e.name === 'IOError') refused++;
                        else other.push(e.name + ': ' + e.message);
                      }
                    }
                    print(JSON.stringify({ ok, refused, leaked, other }));
                    """));
            f.close();
            assertTrue(f.flips() > 0, "the link was flipped");
            assertTrue(s.out().contains("\"leaked\":0,\"other\":[]"), s.out());
            assertFalse(s.out().contains(SECRET), s.out());
        }
    }

    /** The same flip one folder up: {@code racedir -> inside/} or {@code racedir -> outside/}. */
    @Test
    void aFolderLinkFlippedBetweenInsideAndOutsideNeverLeaksARead() throws Exception {
        Path in = Files.createDirectories(read.resolve("in"));
        Files.writeString(in.resolve("data.csv"), "a,y\n1,0\n2,1\n");
        Files.writeString(outside.resolve("data.csv"), "a,y\n7,0\n7,1\n7,0\n");
        try (Scripts s = sandbox(); Flipper f = new Flipper(read.resolve("racedir"), in, outside)) {
            assertTimeoutPreemptively(HANG, () -> s.eval("""
                    let leaked = 0, ok = 0;
                    const other = [];
                    for (let i = 0; i < 1500; i++) {
                      try { if (nn.data.csv('racedir/data.csv').size === 2) ok++; else leaked++; }
                      catch (e) { if (e.name !== 'SecurityError' && e.name !== 'IOError') other.push(e.name); }
                    }
                    print(JSON.stringify({ leaked, other }));
                    """));
            f.close();
            assertTrue(f.flips() > 0, "the link was flipped");
            assertEquals("{\"leaked\":0,\"other\":[]}\n", s.out());
        }
    }

    /** Module imports go through the confined file system: its reads never follow the flipped link outside. */
    @Test
    void importsThroughAFlippedLinkNeverLeak() throws Exception {
        Path inside = Files.writeString(read.resolve("inside.json"), "{\"where\": \"inside\"}");
        Path secret = Files.writeString(outside.resolve("secret.json"), "{\"where\": \"" + SECRET + "\"}");
        Path race = read.resolve("race.json");
        ConfinedFileSystem fs = new ConfinedFileSystem(new Roots(List.of(read), write));
        try (Flipper f = new Flipper(race, inside, secret)) {
            for (int i = 0; i < 20_000; i++) { // the old check-then-open leaked about 1 read in 200
                String got;
                try (SeekableByteChannel ch = fs.newByteChannel(race, Set.of(StandardOpenOption.READ))) {
                    ByteBuffer buf = ByteBuffer.allocate(256);
                    ch.read(buf);
                    got = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
                } catch (AccessError | IOException refused) {
                    continue;
                }
                assertEquals("{\"where\": \"inside\"}", got, "read through the link at iteration " + i);
            }
            f.close();
            assertTrue(f.flips() > 0, "the link was flipped");
        }
        // and a plain import of a file inside works
        try (Scripts s = sandbox()) {
            s.eval("import('" + inside + "', { with: { type: 'json' } }).then(m => print(m.default.where));");
            assertEquals("inside\n", s.out());
        }
    }

    /** Another thread flips {@code out -> write/real} and {@code out -> outside} while the sandbox saves into out/. */
    @Test
    void aFolderLinkFlippedWhileSavingNeverWritesOutside() throws Exception {
        Path real = Files.createDirectories(write.resolve("real"));
        try (Scripts s = sandbox(); Flipper f = new Flipper(write.resolve("out"), real, outside)) {
            assertTimeoutPreemptively(HANG, () -> s.eval("""
                    const net = nn.toy();
                    let saved = 0, refused = 0;
                    const other = [];
                    for (let i = 0; i < 600; i++) {
                      try { net.save('out/m.json'); saved++; }
                      catch (e) { if (e.name === 'SecurityError' || e.name === 'IOError') refused++; else other.push(e.name + ': ' + e.message); }
                    }
                    print(JSON.stringify({ other }));
                    """));
            f.close();
            assertTrue(f.flips() > 0, "the link was flipped");
            assertEquals("{\"other\":[]}\n", s.out());
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing was written outside the write root");
        }
        try (Stream<Path> files = Files.list(real)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().equals("m.json")),
                    "no temporary file is left behind");
        }
    }

    /** Each line an IOError (or, for an import, GraalJS's Error with the same message) saying "not a regular file". */
    private void checkSpecialRefusals(String out, int count) {
        String[] lines = out.split("\n");
        assertEquals(count, lines.length, out);
        for (String line : lines) {
            assertTrue((line.startsWith("IOError: ") || line.startsWith("Error: Error reading module"))
                    && line.contains("not a regular file"), out);
        }
    }

    /** {@code nn.data.csv} (and load, idx, import) on a FIFO: an IOError saying so, at once (it used to block forever). */
    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = read.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo");
        try (Scripts s = sandbox()) {
            try {
                assertTimeoutPreemptively(HANG, () -> s.eval("""
                        for (const f of [() => nn.data.csv('pipe.csv'), () => nn.load('pipe.csv'),
                                         () => nn.data.idx('pipe.csv', 'pipe.csv')]) {
                          try { f(); print('read'); } catch (e) { print(e.name + ': ' + e.message); }
                        }
                        import('%s').then(() => print('read'), e => print(e.name + ': ' + e.message));
                        """.formatted(fifo)));
            } finally {
                unblock(fifo); // before the sandbox closes: a reader stuck in the FIFO's open would keep it open
            }
            checkSpecialRefusals(s.out(), 4);
            assertTrue(s.out().contains("named pipe"), s.out());
        }
    }

    /** A device inside a read root (here /dev itself is granted): refused, never read. */
    @Test
    void aDeviceInsideAReadRootIsRefused() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(HANG).readRoot(Path.of("/dev")))) {
            assertTimeoutPreemptively(HANG, () -> s.eval("""
                    for (const f of [() => nn.data.csv('/dev/zero'), () => nn.load('/dev/zero'),
                                     () => nn.data.idx('/dev/zero', '/dev/zero')]) {
                      try { f(); print('read'); } catch (e) { print(e.name + ': ' + e.message); }
                    }
                    """));
            checkSpecialRefusals(s.out(), 3);
        }
    }

    /** A Unix socket inside the read root: refused, never connected to. */
    @Test
    void aSocketIsRefused() throws Exception {
        Path sock = read.resolve("data.csv");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Scripts s = sandbox()) {
            server.bind(UnixDomainSocketAddress.of(sock));
            s.eval("try { nn.data.csv('data.csv'); print('read'); } catch (e) { print(e.name + ': ' + e.message); }");
            checkSpecialRefusals(s.out(), 1);
        }
    }

    /**
     * Lets a reader stuck in the FIFO's open (the old behaviour) go: opening it for reading and writing
     * never blocks, gives the stuck reader its writer, and closing it gives that reader end-of-file.
     */
    private static void unblock(Path fifo) throws IOException {
        java.nio.channels.FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
    }

    /** Flips {@code link} between pointing at {@code a} and at {@code b} with atomic renames, until closed. */
    static final class Flipper implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong flips = new AtomicLong();
        private final Thread thread;

        Flipper(Path link, Path a, Path b) throws IOException {
            Files.createSymbolicLink(link, a);
            Path tmpA = link.resolveSibling(".flip-a");
            Path tmpB = link.resolveSibling(".flip-b");
            thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        Files.createSymbolicLink(tmpB, b);
                        Files.move(tmpB, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        Files.createSymbolicLink(tmpA, a);
                        Files.move(tmpA, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        flips.addAndGet(2);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "flipper");
            thread.setDaemon(true);
            thread.start();
        }

        long flips() {
            return flips.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }
}
