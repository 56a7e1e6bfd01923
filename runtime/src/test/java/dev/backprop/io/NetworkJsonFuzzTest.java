package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Network;

/**
 * The network JSON reader on any bytes: a network within the element limit, or a FormatError or
 * LimitError; never another exception, never a hang. The seed corpus (NetworkJsonFuzzTestInputs)
 * runs in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class NetworkJsonFuzzTest {
    static final long LIMIT = 10_000;

    @FuzzTest(maxDuration = "10m")
    void networkDocument(byte[] bytes) {
        try {
            Network net = NetworkJson.fromBytes(bytes, "fuzz.json", LIMIT);
            assertTrue(net.parameterCount() <= LIMIT, "a network beyond the element limit was built");
        } catch (FormatError | LimitError expected) {
            assertTrue(expected.getMessage() != null && expected.getMessage().startsWith("fuzz.json"),
                    expected.getMessage());
        }
    }
}
