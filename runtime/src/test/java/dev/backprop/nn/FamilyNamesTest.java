package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names scripts use, as docs/scripting.md lists them: each member's name is derived from its class, so a
 * renamed class would silently rename the script API; this pins the documented names. A new
 * member (one file and its line in {@code permits}) adds a name after them and passes.
 */
class FamilyNamesTest {
    @Test
    void activationNamesAreTheDocumentedOnes() {
        assertDocumented(List.of("sigmoid", "tanh", "relu", "leakyRelu", "identity", "softmax"),
                Activation.builtInNames());
        for (Activation a : Activation.builtIns()) {
            assertSame(a, Activation.named(a.name()));
        }
    }

    @Test
    void lossNamesAreTheDocumentedOnes() {
        assertDocumented(List.of("squared", "mse", "bce", "crossEntropy"), Loss.names());
        for (Loss l : Loss.builtIns()) {
            assertSame(l, Loss.named(l.name()));
        }
    }

    @Test
    void enumScriptNamesAreTheDocumentedOnes() {
        assertEquals(List.of("ok", "signFlipped", "notAveraged", "transposed", "derivativeDropped", "staleWeights",
                "wrong"), java.util.Arrays.stream(GradStatus.values()).map(GradStatus::scriptName).toList());
        assertEquals(List.of("xavier", "he", "uniform", "zeros"),
                java.util.Arrays.stream(Init.values()).map(Init::scriptName).toList());
        ValueError e = org.junit.jupiter.api.Assertions.assertThrows(ValueError.class, () -> Init.named("kaiming"));
        assertEquals("unknown init 'kaiming'; use 'xavier', 'he', 'uniform' or 'zeros'", e.getMessage());
    }

    /**
     * The other direction: every member the registries hold is in docs/scripting.md's option table for
     * {@code nn.net} (hidden activations in the {@code activation} row, the others in the {@code output} row, losses
     * in the {@code loss} row), so a member added as one file and its {@code permits} line fails here until the
     * reference lists it too.
     */
    @Test
    void everyMemberIsInTheScriptingReference() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "scripting.md"));
        String hidden = optionRow(lines, "activation");
        String output = optionRow(lines, "output");
        for (String name : Activation.builtInNames()) {
            String row = Activation.hiddenNames().contains(name) ? hidden : output;
            assertTrue(row.contains("`'" + name + "'`"),
                    () -> "docs/scripting.md: nn.net's options table does not list the activation '" + name + "': "
                            + row);
        }
        String losses = optionRow(lines, "loss");
        for (String name : Loss.names()) {
            assertTrue(losses.contains("`'" + name + "'`"),
                    () -> "docs/scripting.md: nn.net's options table does not list the loss '" + name + "': " + losses);
        }
    }

    private static String optionRow(List<String> lines, String option) {
        return lines.stream().filter(l -> l.startsWith("| `" + option + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/scripting.md has no row for nn.net's option " + option));
    }

    /** Every documented name is still there, each exactly once (a rename or a clash fails; an addition does not). */
    private static void assertDocumented(List<String> documented, List<String> names) {
        for (String name : documented) {
            assertEquals(1, names.stream().filter(name::equals).count(), () -> "'" + name + "' among " + names);
        }
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), () -> "a name twice among " + names);
    }
}
