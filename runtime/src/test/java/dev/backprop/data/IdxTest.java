package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX reading: files built byte by byte here, damaged ones with their exact errors, and Debian's Fashion-MNIST. */
class IdxTest {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    /** An IDX file: magic, big-endian dimensions, then the bytes. */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** Three 2×2 images with pixels 0, 51, 102, 255 … and labels 2, 0, 1. */
    static byte[] images() {
        byte[] px = new byte[12];
        for (int i = 0; i < 12; i++) {
            px[i] = (byte) (i * 17 + (i == 11 ? 68 : 0)); // the last pixel is 255
        }
        return idx(0x803, new int[] {3, 2, 2}, px);
    }

    static byte[] labels() {
        return idx(0x801, new int[] {3}, new byte[] {2, 0, 1});
    }

    static Dataset read(byte[] im, byte[] lb) throws Exception {
        return Idx.read(new ByteArrayInputStream(im), "images", im.length, new ByteArrayInputStream(lb), "labels",
                lb.length, Idx.DEFAULT_SCALE, 1_000_000);
    }

    static String error(byte[] im, byte[] lb) {
        return assertThrows(FormatError.class, () -> read(im, lb)).getMessage();
    }

    static void checkSmall(Dataset d) {
        assertEquals(3, d.size());
        assertEquals(4, d.features());
        assertEquals(3, d.classes());
        assertArrayEquals(new double[] {0, 17 / 255.0, 34 / 255.0, 51 / 255.0}, d.x().row(0), 0.0);
        assertEquals(1.0, d.x().get(2, 3), 0.0, "byte 255 becomes 1");
        assertArrayEquals(new double[] {2, 0, 1}, d.y().toArray());
    }

    @Test
    void plainAndGzipFilesGiveTheSameDataset(@TempDir Path dir) throws Exception {
        checkSmall(read(images(), labels()));
        checkSmall(read(gzip(images()), gzip(labels())));
        checkSmall(read(gzip(images()), labels()));
        Path im = dir.resolve("im.gz");
        Path lb = dir.resolve("lb");
        Files.write(im, gzip(images()));
        Files.write(lb, labels());
        checkSmall(Idx.read(im, lb));
        Dataset raw = Idx.read(im, lb, 1.0, 100);
        assertEquals(255.0, raw.x().get(2, 3), 0.0, "scale 1 keeps the bytes");
    }

    @Test
    void damagedFilesAreRejectedWithTheirReason() throws Exception {
        // 1. not an IDX file at all
        assertEquals("images: the first 4 bytes are not an IDX magic number; expected 0x00000803 for an images file (unsigned bytes,"
                + " 3 dimensions). This is not an IDX file (is it another format, or still packed?)",
                error(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, labels()));
        // 2. images and labels swapped
        assertEquals("images: the magic number is that of a labels file, expected 0x00000803 for an images file"
                + " (unsigned bytes, 3 dimensions); are the images and labels swapped?", error(labels(), images()));
        // 3. the wrong number of dimensions
        assertEquals("images: the magic number gives another number of dimensions, expected 3 (0x00000803) for an images file"
                + " (unsigned bytes, 3 dimensions)", error(idx(0x802, new int[] {3, 4}, new byte[12]), labels()));
        // 4. values that are not unsigned bytes
        assertEquals("labels: the magic number gives a value type other than unsigned bytes (0x08); expected 0x00000801"
                + " for a labels file (unsigned bytes, 1 dimension)",
                error(images(), idx(0xD01, new int[] {3}, new byte[12])));
        // 5. the file ends inside the header
        assertEquals("images: the file ends early, after 9 bytes, inside the size of dimension 1; it is truncated,"
                + " download or unpack it again", error(Arrays.copyOf(images(), 9), labels()));
        // 6. truncated pixel data (plain): caught from the file length before reading
        assertEquals("images: the header promises 3 × 2 × 2 = 12 bytes of data after its 16 header bytes, but the"
                + " file has 10; it is truncated, download or unpack it again",
                error(Arrays.copyOf(images(), 26), labels()));
        // 7. extra bytes after the data
        assertEquals("labels: the header promises 3 = 3 bytes of data after its 8 header bytes, but the file has 4;"
                + " the extra bytes do not belong to the format", error(images(), Arrays.copyOf(labels(), 12)));
        // 8. images and labels disagree in count
        assertEquals("images holds 3 images but labels holds 2 labels; use the labels file that belongs to these"
                + " images", error(images(), idx(0x801, new int[] {2}, new byte[] {1, 1})));
        // 9. a truncated gzip file
        byte[] gz = gzip(images());
        String cut = error(Arrays.copyOf(gz, gz.length - 12), labels());
        assertTrue(cut.startsWith("images: the gzip data ends early, after "), cut);
        assertTrue(cut.endsWith(" unpacked bytes, inside the pixel data; the file is truncated, download or unpack it"
                + " again"), cut);
        // 10. gzip magic followed by garbage
        assertEquals("images: not valid gzip data (Unsupported compression method)",
                error(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, labels()));
        // 11. a dimension of 0
        assertEquals("images: dimension 2 of the header is 0; the file holds no pixels",
                error(idx(0x803, new int[] {3, 2, 0}, new byte[0]), labels()));
        // 12. a dimension beyond 2³¹ (a hostile or damaged header)
        assertEquals("images: dimension 0 of the header is 4294967295, far beyond any real data set; the header is"
                + " damaged", error(idx(0x803, new int[] {-1, 28, 28}, new byte[0]), labels()));
        // 13. a gzip header promising far more than the compressed file can hold: refused before allocating
        byte[] greedy = gzip(idx(0x803, new int[] {900, 28, 28}, new byte[0]));
        assertEquals("images: the header promises 705600 bytes of data, more than a " + greedy.length
                + "-byte gzip file can hold; the file is damaged", error(greedy, labels()));
        // 14. a stream of unknown length that ends early
        byte[] im = Arrays.copyOf(images(), 20);
        FormatError e = assertThrows(FormatError.class, () -> Idx.read(new ByteArrayInputStream(im), "images", -1,
                new ByteArrayInputStream(labels()), "labels", -1, 1, 1000));
        assertEquals("images: the file ends early, after 20 bytes, inside the pixel data; it is truncated, download or"
                + " unpack it again", e.getMessage());
        // 15. gzip data that goes on after the promised values
        byte[] longer = gzip(Arrays.copyOf(labels(), 14));
        assertEquals("labels: the data goes on after the 3 values its header promises; the file is damaged or not an"
                + " IDX file", error(images(), longer));
    }

    @Test
    void hugeSizesHitTheLimitBeforeAnyAllocation() {
        byte[] huge = idx(0x803, new int[] {60000, 100000, 100000}, new byte[0]);
        LimitError e = assertThrows(LimitError.class, () -> read(huge, labels()));
        assertEquals("images: the header promises 6000000000+ values (dimensions 60000 × 100000), more than the limit"
                + " of 1000000 (raise it with --max-elements N, or SandboxBuilder.maxElements in Java)", e.getMessage());
    }

    @Test
    void fashionMnistTestSetFromDebian() throws Exception {
        Path images = FASHION.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = FASHION.resolve("t10k-labels-idx1-ubyte.gz");
        assumeTrue(Files.isReadable(images) && Files.isReadable(labels),
                "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist (files in " + FASHION + ")");
        Dataset d = Idx.read(images, labels);
        assertEquals(10000, d.size());
        assertEquals(784, d.features());
        assertEquals(10, d.classes());
        int[] perClass = new int[10];
        for (int i = 0; i < d.size(); i++) {
            double c = d.y().at(i);
            assertTrue(c >= 0 && c <= 9 && c == Math.rint(c), "label " + c);
            perClass[(int) c]++;
        }
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass, "the test set has 1000 images of each class");
        double min = 1;
        double max = 0;
        for (int k = 0; k < d.x().size(); k++) {
            min = Math.min(min, d.x().at(k));
            max = Math.max(max, d.x().at(k));
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max, "pixels 0..255 scaled by 1/255");
    }
}
