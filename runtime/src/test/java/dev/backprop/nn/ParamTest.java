package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

/** Param.descend, the one SGD step: g = ∂L/∂p + λ·p, buf = μ·buf + g, p ← p − lr·(buf or g), returning ‖Δp‖². */
class ParamTest {
    private static Param param(String name, int rows, int cols, double[] value, double[] grad) {
        Param p = new Param(name, rows, cols);
        p.setAll(value);
        for (int k = 0; k < grad.length; k++) {
            p.grad().put(k, grad[k]);
        }
        return p;
    }

    @Test
    void aPlainStepMovesAgainstTheGradientAndReturnsTheSquaredStep() {
        // six elements: one pass of the four-lane loop and a tail of two
        Param w = param("W1", 2, 3, new double[] {0.15, 0.20, 0.25, 0.30, 0.35, 0.40},
                new double[] {0.02, -0.04, 0.0, 0.1, 1.0, -2.0});
        double sq = w.descend(0.5);
        // by hand: Δ = 0.5·g = 0.01, −0.02, 0, 0.05, 0.5, −1
        assertArrayEquals(new double[] {0.14, 0.22, 0.25, 0.25, -0.15, 1.40}, w.value().toArray(), 1e-15);
        assertEquals(0.0001 + 0.0004 + 0 + 0.0025 + 0.25 + 1.0, sq, 1e-15);
    }

    @Test
    void momentumAndDecayFollowTorchsSgd() {
        Param b = param("b1", 1, 2, new double[] {1.0, -2.0}, new double[] {0.5, 0.25});
        DoubleBuffer buf = DoubleBuffer.allocate(2);
        // step 1, λ = 0.1: g = (0.5 + 0.1, 0.25 − 0.2) = (0.6, 0.05); buf = g; p = (1 − 0.06, −2 − 0.005)
        double sq = b.descend(0.1, 0.1, 0.9, buf, true);
        assertArrayEquals(new double[] {0.94, -2.005}, b.value().toArray(), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.05}, buf.array(), 1e-15);
        assertEquals(0.06 * 0.06 + 0.005 * 0.005, sq, 1e-15);
        // step 2, same gradient: g = (0.5 + 0.094, 0.25 − 0.2005) = (0.594, 0.0495); buf = 0.9·buf + g
        b.descend(0.1, 0.1, 0.9, buf, false);
        assertArrayEquals(new double[] {1.134, 0.0945}, buf.array(), 1e-15);
        assertArrayEquals(new double[] {0.94 - 0.1134, -2.005 - 0.00945}, b.value().toArray(), 1e-15);
    }

    @Test
    void aMomentumBufferShorterThanTheParameterIsRefusedBeforeAnythingMoves() {
        Param b = param("b1", 1, 3, new double[] {1, 2, 3}, new double[] {1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.descend(0.1, 0, 0.9, DoubleBuffer.allocate(2), true));
        assertTrue(e.getMessage().contains("b1 needs a momentum buffer of 3 values") && e.getMessage().contains("holds 2"),
                e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, b.value().toArray(), 0.0, "nothing moved");
    }
}
