package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during saves: a child JVM ({@link SaveLoop}) saves one of two networks in a loop and is
 * killed at random moments, 20 times. After every kill the file holds one whole document, the old
 * or the new one; temporary files a kill left behind are gone after the next successful save.
 */
class KilledSaveTest {
    @TempDir
    Path dir;

    @Test
    void aKilledSaveLeavesAWholeDocumentAndTheNextSaveLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("net.json");
        List<double[]> expected = List.of(weights(SaveLoop.network(1)), weights(SaveLoop.network(2)));
        Random random = new Random(10);
        int orphansSeen = 0;
        for (int kill = 0; kill < 20; kill++) {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine(), "the child's first save completed");
                Thread.sleep(random.nextInt(400)); // a random moment inside the save loop, not a wait for a state
                child.destroyForcibly(); // SIGKILL
                child.waitFor();
            }
            double[] got = weights(NetworkJson.load(file));
            assertTrue(sameAs(got, expected.get(0)) || sameAs(got, expected.get(1)),
                    "after kill " + kill + " the file holds one of the two whole documents");
            orphansSeen += temporaryFiles().size();
        }
        System.out.println("kill -9 loop: 20 kills, " + orphansSeen + " temporary files seen after kills");
        NetworkJson.save(SaveLoop.network(1), file);
        assertEquals(List.of(), temporaryFiles(), "the next save removed the temporary files of killed saves"
                + " (" + orphansSeen + " seen over the kills)");
        assertArrayEquals(expected.get(0), weights(NetworkJson.load(file)));
    }

    private List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static double[] weights(Network net) {
        List<Double> all = new ArrayList<>();
        for (Param p : net.params()) {
            for (double v : p.value().toArray()) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean sameAs(double[] a, double[] b) {
        return java.util.Arrays.equals(a, b);
    }
}
