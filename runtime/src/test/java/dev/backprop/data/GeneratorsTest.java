package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.nn.ValueError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The generators against an independent Python implementation of the same specified algorithms
 * (SplitMix64, the Playground's and scikit-learn's formulas), and their shapes checked geometrically.
 */
class GeneratorsTest {
    /** Python's libm and Java's StrictMath (fdlibm) may differ in the last bit of sin, cos and log. */
    static final double ULP_TOLERANCE = 1e-14;

    static JsonNode reference() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/reference/generators_reference.json")));
    }

    static void matches(JsonNode expected, Dataset d) {
        assertEquals(expected.size(), d.size());
        for (int i = 0; i < d.size(); i++) {
            JsonNode row = expected.get(i);
            assertEquals(row.get(0).asDouble(), d.x().get(i, 0), ULP_TOLERANCE, "x1 of point " + i);
            assertEquals(row.get(1).asDouble(), d.x().get(i, 1), ULP_TOLERANCE, "x2 of point " + i);
            assertEquals(row.get(2).asDouble(), d.y().get(i, 0), 0.0, "label of point " + i);
        }
    }

    @Test
    void matchTheIndependentPythonReference() throws Exception {
        JsonNode ref = reference();
        matches(ref.get("circle"), Generators.circle(9, 0.1, 42));
        matches(ref.get("spiral"), Generators.spiral(9, 0.2, 7));
        matches(ref.get("gaussian"), Generators.gaussian(9, 0.1, 3));
        matches(ref.get("moons"), Generators.moons(9, 0.1, 11));
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherPoints() {
        for (Function<Long, Dataset> gen : java.util.List.<Function<Long, Dataset>>of(
                s -> Generators.circle(200, 0.1, s), s -> Generators.spiral(200, 0.1, s),
                s -> Generators.gaussian(200, 0.1, s), s -> Generators.moons(200, 0.1, s))) {
            Dataset a = gen.apply(1L);
            Dataset b = gen.apply(1L);
            assertTrue(a.x().sameBits(b.x()) && a.y().sameBits(b.y()));
            assertFalse(a.x().sameBits(gen.apply(2L).x()));
            assertEquals(2, a.classes());
            assertEquals(2, a.features());
            double ones = 0;
            for (int i = 0; i < a.size(); i++) {
                ones += a.y().at(i);
            }
            assertTrue(ones > 50 && ones < 150, "both classes present, got " + ones + " ones of 200");
        }
    }

    @Test
    void circleWithoutNoiseHasADiscInsideARing() {
        Dataset d = Generators.circle(400, 0, 5);
        int inside = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x().get(i, 0), d.x().get(i, 1));
            if (d.y().get(i, 0) == 1) {
                inside++;
                assertTrue(r <= 0.5, "label 1 lies within radius 0.5, got " + r);
            } else {
                assertTrue(r >= 0.7 - 1e-12 && r <= 1.0 + 1e-12, "label 0 lies in the ring 0.7–1.0, got " + r);
            }
        }
        assertEquals(200, inside);
    }

    @Test
    void moonsWithoutNoiseLieOnTheirHalfCircles() {
        Dataset d = Generators.moons(101, 0, 1);
        int outer = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().get(i, 0);
            double y = d.x().get(i, 1);
            if (d.y().get(i, 0) == 0) {
                outer++;
                assertEquals(1, x * x + y * y, 1e-12);
                assertTrue(y >= -1e-12);
            } else {
                assertEquals(1, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12);
                assertTrue(y <= 0.5 + 1e-12);
            }
        }
        assertEquals(51, outer, "the odd point goes to the outer moon, as in scikit-learn");
    }

    @Test
    void spiralArmsWindOutToRadiusOne() {
        Dataset d = Generators.spiral(200, 0, 3);
        double max = 0;
        for (int i = 0; i < d.size(); i++) {
            max = Math.max(max, Math.hypot(d.x().get(i, 0), d.x().get(i, 1)));
        }
        assertTrue(max < 1 && max > 0.95, "r = i/m reaches (m−1)/m, got " + max);
    }

    @Test
    void xorIsTheFourExamples() {
        Dataset d = Generators.xor();
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, d.x().toArray());
        assertArrayEquals(new double[] {0, 1, 1, 0}, d.y().toArray());
        assertEquals(2, d.classes());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("circle needs n ≥ 2 points (one per class at least), got n = 1",
                assertThrows(ValueError.class, () -> Generators.circle(1, 0, 1)).getMessage());
        assertEquals("moons noise must be 0 or more, got -0.1",
                assertThrows(ValueError.class, () -> Generators.moons(10, -0.1, 1)).getMessage());
        assertEquals("spiral noise must be a finite number, got NaN",
                assertThrows(ValueError.class, () -> Generators.spiral(10, Double.NaN, 1)).getMessage());
    }
}
