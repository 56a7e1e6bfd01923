package dev.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel at every width narrower than this CPU's (128 and 256 bits on AVX-512, 128 on AVX2)
 * gives the naive loops' bits, as the widest does in KernelsTest. The width and the register block it
 * picks are fixed when the kernel class loads, so each width runs {@link WidthCheck} in a JVM of its own
 * with {@code -Dbackprop.vector.bits}. Also: a width wider than the CPU's is refused with a message that
 * names the widths it has.
 */
class VectorWidthsTest {
    private static final int[] WIDTHS = {128, 256, 512};

    private static int widest() {
        String name = KernelConfig.kernelName();
        assumeTrue(name.startsWith("vector-"), "the JVM runs the scalar kernel (" + name + "): no vector widths to compare");
        return KernelConfig.kernel().bits();
    }

    private static Process start(String... props) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(props));
        cmd.add(WidthCheck.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the width check did not end within 5 minutes");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everyNarrowerWidthGivesTheNaiveBits() throws Exception {
        int widest = widest();
        int narrower = 0;
        for (int bits : WIDTHS) {
            if (bits >= widest) {
                continue;
            }
            narrower++;
            Process p = start("-Dbackprop.vector.bits=" + bits);
            String output = finish(p);
            assertEquals(0, p.exitValue(), "vector-" + bits + " differs from the naive loops:\n" + output);
            assertTrue(output.contains("WIDTH vector-" + bits + " 42"), "the check must run vector-" + bits
                    + " on all 42 products, printed:\n" + output);
        }
        assumeTrue(narrower > 0, "this CPU's vectors are " + widest + " bits: no narrower width to run");
    }

    @Test
    void aWidthWiderThanTheCpusIsRefusedWithTheWidthsItHas() throws Exception {
        int widest = widest();
        boolean x86 = System.getProperty("os.arch").matches("amd64|x86_64");
        assumeTrue(widest < 512 || x86, "this CPU has 512-bit vectors: every width is available");
        // on an AVX-512 x86 host, -XX:UseAVX=2 hides AVX-512 from the JVM, as on an AVX2 host
        Process p = widest < 512 ? start("-Dbackprop.vector.bits=512") : start("-XX:UseAVX=2", "-Dbackprop.vector.bits=512");
        int has = widest < 512 ? widest : 256;
        String output = finish(p);
        assertTrue(p.exitValue() != 0, "asking for 512 bits on a " + has + "-bit CPU must fail, printed:\n" + output);
        assertTrue(output.contains("= 512 is wider than this CPU's vectors (" + has + " bits): ask for " + has + " or less"),
                output);
    }
}
