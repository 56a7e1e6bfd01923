package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The CSV reader on any bytes and options: a dataset within the element limit, or a FormatError or
 * LimitError naming the file; never another exception, never a hang. Seeds: CsvFuzzTestInputs.
 */
class CsvFuzzTest {
    static final long LIMIT = 10_000;

    @FuzzTest(maxDuration = "10m")
    void csvFile(FuzzedDataProvider in) throws IOException {
        CsvOptions o = CsvOptions.defaults().header(in.consumeBoolean()).oneHot(in.consumeBoolean())
                .maxElements(LIMIT);
        o = switch (in.consumeInt(0, 2)) {
            case 0 -> o.target(in.consumeInt(-4, 4));
            case 1 -> o.target(in.consumeString(8));
            default -> o;
        };
        byte[] text = in.consumeRemainingAsBytes();
        try {
            Dataset d = Csv.read(new ByteArrayInputStream(text), "fuzz.csv", o);
            long values = (long) d.x().rows() * (d.x().cols() + d.y().cols());
            assertTrue(values <= LIMIT, "a dataset of " + values + " values, beyond the limit of " + LIMIT);
        } catch (FormatError | LimitError expected) {
            assertTrue(expected.getMessage().startsWith("fuzz.csv"), expected.getMessage());
        }
    }
}
