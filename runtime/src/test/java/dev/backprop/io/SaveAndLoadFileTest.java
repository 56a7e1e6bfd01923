package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Network;
import dev.backprop.nn.ValueError;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces a file whole or not at all; loading a missing, huge or binary file says what is wrong. */
class SaveAndLoadFileTest {
    @TempDir
    Path dir;
    Path file;
    byte[] before;

    @BeforeEach
    void anEarlierSaveIsOnDisk() throws IOException {
        file = dir.resolve("model.json");
        NetworkJson.save(Network.toy(false), file);
        before = Files.readAllBytes(file);
    }

    /** A stream that fails like a full disk once {@code limit} bytes went through; counts what it let pass. */
    static final class FailingAfter extends FilterOutputStream {
        final long limit;
        final AtomicLong written;

        FailingAfter(OutputStream out, long limit, AtomicLong written) {
            super(out);
            this.limit = limit;
            this.written = written;
        }

        @Override
        public void write(int b) throws IOException {
            if (written.get() >= limit) {
                throw new IOException("No space left on device (simulated)");
            }
            written.incrementAndGet();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    List<Path> filesInFolder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aSaveThatFailsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Network bigger = Network.builder(8, 16, 4).activation("tanh").seed(9).build();
        AtomicLong written = new AtomicLong();
        IOException e = assertThrows(IOException.class,
                () -> NetworkJson.save(bigger, file, out -> new FailingAfter(out, 500, written)));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(500, written.get(), "the failure came part way through the document");
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is intact");
        assertEquals(List.of(file), filesInFolder(), "no temporary file left behind");
        assertEquals(0.15, NetworkJson.load(file).layer(1).W().get(0, 0), 0.0, "and it still loads");
    }

    @Test
    void aNonFiniteWeightFoundHalfwayStopsTheSaveAndKeepsThePreviousFile() throws Exception {
        Network diverged = Network.builder(30, 30, 2).seed(4).build();
        diverged.layer(2).W().value().put(3, Double.NaN); // as a diverged training run leaves it
        AtomicLong written = new AtomicLong();
        ValueError e = assertThrows(ValueError.class,
                () -> NetworkJson.save(diverged, file, out -> new FailingAfter(out, Long.MAX_VALUE, written)));
        assertTrue(e.getMessage().contains("cannot save the network: W2[0][3] is NaN"), e.getMessage());
        assertTrue(written.get() > 8192, "layer 1 had already gone to the temporary file: " + written.get());
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is intact");
        assertEquals(List.of(file), filesInFolder(), "no temporary file left behind");
    }

    @Test
    void aSuccessfulSaveReplacesTheFileAndLeavesNothingElse() throws Exception {
        Network other = Network.builder(3, 1).output("identity").loss("mse").seed(11).build();
        NetworkJson.save(other, file);
        assertEquals(List.of(file), filesInFolder());
        assertEquals(11L, NetworkJson.load(file).seed());
        assertTrue(Files.readString(file).endsWith("}\n"), "the file ends with a newline");
    }

    @Test
    void savingIntoAMissingFolderNamesTheFolder() {
        Path nowhere = dir.resolve("no-such-folder").resolve("net.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> NetworkJson.save(Network.toy(false), nowhere));
        assertTrue(e.getMessage().contains("no-such-folder does not exist"), e.getMessage());
    }

    @Test
    void savingOntoAFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("nets"));
        IOException e = assertThrows(IOException.class, () -> NetworkJson.save(Network.toy(false), folder));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void loadingAMissingFileNamesThePath() {
        Path missing = dir.resolve("missing.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> NetworkJson.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no network file here"), e.getMessage());
    }

    @Test
    void aBinaryFileIsNotJsonAndTheMessageNamesTheFile() throws Exception {
        Path png = dir.resolve("picture.json");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        FormatError e = assertThrows(FormatError.class, () -> NetworkJson.load(png));
        assertTrue(e.getMessage().startsWith(png + " (line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains("this is not valid JSON: bytes that are not valid UTF-8 text"), e.getMessage());
        assertFalse(e.getMessage().contains("0x89") || e.getMessage().contains("PNG"), "no content: " + e.getMessage());
    }

    @Test
    void anEmptyFileIsNamedEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        FormatError e = assertThrows(FormatError.class, () -> NetworkJson.load(empty));
        assertTrue(e.getMessage().startsWith(empty + " is empty"), e.getMessage());
    }

    @Test
    void aDamagedFileNamesTheFileLineAndField() throws Exception {
        Files.writeString(file, Files.readString(file).replace("[ 0.4, 0.45 ]", "[ 0.4 ]"));
        FormatError e = assertThrows(FormatError.class, () -> NetworkJson.load(file));
        assertTrue(e.getMessage().startsWith(file + " (line 23, column 12): layers[1].W has 1 value but the layer"
                + " needs 2 inputs × 1 outputs = 2 weights"), e.getMessage());
    }

    @Test
    void aFileFarLargerThanTheLimitAllowsIsRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(3L << 20); // sparse: 3 MiB of nothing
        }
        LimitError e = assertThrows(LimitError.class, () -> NetworkJson.load(huge, 1000));
        assertTrue(e.getMessage().contains("is 3145728 bytes, more than a network within the limit of 1000 elements"),
                e.getMessage());
    }

    @Test
    void loadingAFolderIsRefused() {
        IOException e = assertThrows(IOException.class, () -> NetworkJson.load(dir));
        assertTrue(e.getMessage().contains("it is a folder, not a network file"), e.getMessage());
    }
}
