package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dataset: construction, split, shuffle, batches and oneHot, checked row by row. */
class DatasetTest {
    /** 10 examples; x row i = [i, 10 + i], y = i mod 3, so every row says where it came from. */
    static Dataset tagged(int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, 10 + i};
            y[i] = new double[] {i % 3};
        }
        return Dataset.of(x, y);
    }

    @Test
    void ofCopiesAndInfersClasses() {
        double[][] x = {{1, 2}, {3, 4}};
        Dataset d = Dataset.of(x, new double[][] {{0}, {2}});
        x[0][0] = 99;
        assertEquals(1, d.x().get(0, 0), "of copies the arrays");
        assertEquals(2, d.size());
        assertEquals(2, d.features());
        assertEquals(3, d.classes(), "one column of whole numbers 0..2 gives 3 classes");
        assertEquals(0, Dataset.of(x, new double[][] {{0.5}, {2}}).classes(), "values are not classes");
        assertEquals(2, Dataset.of(x, new double[][] {{0, 1}, {1, 0}}).classes(), "one-hot rows give their width");
        assertEquals(0, Dataset.of(x, new double[][] {{0.2, 0.8}, {1, 0}}).classes());
        Dataset labels = Dataset.of(x, new double[] {1, 0});
        assertArrayEquals(new double[] {1, 0}, labels.y().toArray());
        assertEquals(1, labels.y().cols(), "flat labels become one column");
        assertEquals(2, labels.classes());
    }

    @Test
    void ofRejectsBadShapesAndValues() {
        assertEquals("a dataset needs one target row per example: x has 2 rows, y has 1 row of 1 value; give 2 targets"
                + " (a flat array of 2 numbers, or 2 rows)",
                assertThrows(ShapeError.class, () -> Dataset.of(new double[][] {{1}, {2}}, new double[][] {{0}}))
                        .getMessage());
        assertEquals("dataset x: row 1 has 1 values but row 0 has 2; every row needs the same length",
                assertThrows(ShapeError.class, () -> Dataset.of(new double[][] {{1, 2}, {3}},
                        new double[][] {{0}, {1}})).getMessage());
        assertEquals("dataset: x[1][0] is NaN; every element of x must be a finite number (check the data for missing"
                + " values or a division by zero)",
                assertThrows(ValueError.class, () -> Dataset.of(new double[][] {{1}, {Double.NaN}},
                        new double[][] {{0}, {1}})).getMessage());
        assertThrows(ShapeError.class, () -> Dataset.of(new double[0][], new double[0][]));
    }

    @Test
    void splitIsASeededPartition() {
        Dataset d = tagged(10);
        Split s = d.split(0.7, 5);
        assertEquals(7, s.train().size());
        assertEquals(3, s.test().size());
        Set<Double> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.test())) {
            for (int i = 0; i < part.size(); i++) {
                double tag = part.x().get(i, 0);
                assertEquals(tag + 10, part.x().get(i, 1), "rows stay whole");
                assertEquals(tag % 3, part.y().get(i, 0), "targets follow their rows");
                assertTrue(seen.add(tag), "no example in both parts");
            }
        }
        assertEquals(10, seen.size());
        // the order is new Rng(5).permutation(10), cut after 7
        int[] p = new Rng(5).permutation(10);
        for (int i = 0; i < 7; i++) {
            assertEquals(p[i], s.train().x().get(i, 0));
        }
        assertTrue(s.train().x().sameBits(d.split(0.7, 5).train().x()), "same seed, same split");
        assertEquals(3, s.train().classes(), "classes carry over");
        assertEquals("split fraction must be between 0 and 1 (the share that goes to training), got 1.0",
                assertThrows(ValueError.class, () -> d.split(1.0, 1)).getMessage());
        assertEquals("split(0.01) of 10 examples leaves no training examples; use a fraction that leaves at least"
                + " one example on each side", assertThrows(ValueError.class, () -> d.split(0.01, 1)).getMessage());
    }

    @Test
    void shuffleIsTheSeededPermutation() {
        Dataset d = tagged(10);
        Dataset s = d.shuffle(9);
        int[] p = new Rng(9).permutation(10);
        for (int i = 0; i < 10; i++) {
            assertEquals(p[i], s.x().get(i, 0));
            assertEquals(p[i] + 10, s.x().get(i, 1));
            assertEquals(p[i] % 3, s.y().get(i, 0));
        }
        assertEquals(0, d.x().get(0, 0), "the original is unchanged");
        assertTrue(!s.x().sameBits(d.shuffle(10).x()), "another seed, another order");
    }

    @Test
    void batchesCoverEveryExampleOnceAndReuseTheirMatrices() {
        Dataset d = tagged(10);
        Batches batches = d.batches(4, true, 3);
        assertEquals(3, batches.count());
        int[] p = new Rng(3).permutation(10);
        List<Integer> sizes = new ArrayList<>();
        List<Matrix> xs = new ArrayList<>();
        int k = 0;
        for (Batch b : batches) {
            sizes.add(b.size());
            xs.add(b.x());
            for (int i = 0; i < b.size(); i++, k++) {
                assertEquals(p[k], b.x().get(i, 0));
                assertEquals(p[k] + 10, b.x().get(i, 1));
                assertEquals(p[k] % 3, b.y().get(i, 0));
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertSame(xs.get(0), xs.get(1), "full batches share one matrix within an iteration");
        // iterating again gives the same order
        List<Double> first = new ArrayList<>();
        for (Batch b : batches) {
            for (int i = 0; i < b.size(); i++) {
                first.add(b.x().get(i, 0));
            }
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(p[i], first.get(i));
        }
        // unshuffled: in order
        int i0 = 0;
        for (Batch b : d.batches(3, false, 0)) {
            for (int i = 0; i < b.size(); i++) {
                assertEquals(i0++, b.x().get(i, 0));
            }
        }
        assertEquals(10, i0);
        assertEquals("batch size must be at least 1, got 0",
                assertThrows(ValueError.class, () -> d.batches(0, false, 0)).getMessage());
    }

    @Test
    void oneHotTurnsIndicesIntoRows() {
        Dataset d = tagged(4).oneHot();
        assertEquals(3, d.classes());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, d.y().toArray());
        assertSame(d, d.oneHot(3), "already one-hot with 3 columns");
        assertEquals("oneHot(2): y[2] is 2.0; class indices must be whole numbers from 0 to 1",
                assertThrows(ValueError.class, () -> tagged(4).oneHot(2)).getMessage());
        assertEquals("oneHot expects y with one class index per row (shape [4, 1]), got [4, 3]",
                assertThrows(ShapeError.class, () -> d.oneHot(5)).getMessage());
        assertNotEquals(0, tagged(4).oneHot(5).y().cols());
    }
}
