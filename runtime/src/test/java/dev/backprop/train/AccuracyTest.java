package dev.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.data.Dataset;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.ShapeError;
import org.junit.jupiter.api.Test;

/** Accuracy counted by hand on small output matrices. */
class AccuracyTest {
    @Test
    void argMaxAgainstIndicesAndOneHotRows() {
        Matrix out = Matrix.of(4, 3,
                0.1, 0.7, 0.2,   // class 1
                0.5, 0.2, 0.3,   // class 0
                0.3, 0.3, 0.4,   // class 2
                0.4, 0.4, 0.2);  // a tie: the first, class 0
        assertEquals(3, Accuracy.correct(out, Matrix.of(4, 1, 1, 0, 1, 0)));
        assertEquals(3, Accuracy.correct(out, Matrix.of(4, 3, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0)));
        assertEquals(4, Accuracy.correct(out, Matrix.of(4, 1, 1, 0, 2, 0)));
    }

    @Test
    void singleOutputThresholdsAtOneHalf() {
        Matrix out = Matrix.of(4, 1, 0.5, 0.49, 0.9, 0.1);
        assertEquals(2, Accuracy.correct(out, Matrix.of(4, 1, 1, 1, 0, 0)), "0.5 counts as class 1");
        assertEquals(2, Accuracy.correct(out, Matrix.of(4, 1, 0, 0, 1, 1)));
    }

    @Test
    void ofRunsTheNetworkWithoutTouchingItsCaches() {
        Network toy = Network.toy(false); // ŷ = 0.762 for x = [0.5, 0.9] (the lesson)
        Dataset d = Dataset.of(new double[][] {{0.5, 0.9}, {0.5, 0.9}}, new double[][] {{1}, {0}});
        assertEquals(0.5, Accuracy.of(toy, d));
        assertEquals(null, toy.lastInput(), "predict leaves the training caches alone");
    }

    @Test
    void wrongTargetShapeIsNamed() {
        assertEquals("accuracy expects targets as 2 class indices [2, 1] or one-hot rows [2, 3], got [2, 2]",
                assertThrows(ShapeError.class, () -> Accuracy.correct(Matrix.zeros(2, 3), Matrix.zeros(2, 2)))
                        .getMessage());
    }
}
