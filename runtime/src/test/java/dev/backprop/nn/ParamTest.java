package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

/** Param.descend, the one place a parameter moves: p ← p − lr·u, returning ‖Δp‖². */
class ParamTest {
    @Test
    void descendMovesAgainstTheDirectionAndReturnsTheSquaredStep() {
        Param w = new Param("W1", 2, 3); // six elements: one pass of the four-lane loop and a tail of two
        w.setAll(new double[] {0.15, 0.20, 0.25, 0.30, 0.35, 0.40});
        double sq = w.descend(0.5, DoubleBuffer.wrap(new double[] {0.02, -0.04, 0.0, 0.1, 1.0, -2.0}));
        // by hand: Δ = 0.5·u = 0.01, −0.02, 0, 0.05, 0.5, −1
        assertArrayEquals(new double[] {0.14, 0.22, 0.25, 0.25, -0.15, 1.40}, w.value().toArray(), 1e-15);
        assertEquals(0.0001 + 0.0004 + 0 + 0.0025 + 0.25 + 1.0, sq, 1e-15);
    }

    @Test
    void aDirectionShorterThanTheParameterIsRefusedBeforeAnythingMoves() {
        Param b = new Param("b1", 1, 3);
        b.setAll(new double[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.descend(0.1, DoubleBuffer.wrap(new double[] {1, 1})));
        assertTrue(e.getMessage().contains("b1 needs a direction of 3 values") && e.getMessage().contains("holds 2"),
                e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, b.value().toArray(), 0.0, "nothing moved");
    }
}
