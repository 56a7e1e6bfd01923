package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The IDX reader on any pair of files (plain or gzip): a dataset within the element limit, or a
 * FormatError or LimitError naming a file; never another exception, never a hang. Seeds: IdxFuzzTestInputs
 * (the first two bytes give the images file's length, the rest is images then labels).
 */
class IdxFuzzTest {
    static final long LIMIT = 10_000;

    @FuzzTest(maxDuration = "10m")
    void imagesAndLabels(FuzzedDataProvider in) throws IOException {
        int imagesLength = in.consumeInt(0, 1 << 15);
        byte[] images = in.consumeBytes(imagesLength);
        byte[] labels = in.consumeRemainingAsBytes();
        try {
            Dataset d = Idx.read(new ByteArrayInputStream(images), "images.idx", images.length,
                    new ByteArrayInputStream(labels), "labels.idx", labels.length, Idx.DEFAULT_SCALE, LIMIT);
            assertTrue((long) d.x().rows() * d.x().cols() <= LIMIT, "images beyond the element limit were read");
        } catch (FormatError | LimitError expected) {
            String m = expected.getMessage();
            assertTrue(m.startsWith("images.idx") || m.startsWith("labels.idx"), m);
        }
    }
}
