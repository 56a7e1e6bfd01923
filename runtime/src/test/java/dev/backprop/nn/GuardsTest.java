package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

/**
 * The lesson's order is forward → backward → step. The stale-forward guard refuses a backward whose
 * forward used weights that have changed since; the spent-gradient guard refuses a second step on the
 * same gradients. Bad shapes and non-finite numbers are errors that say what came and what to do.
 */
class GuardsTest {
    static final Matrix X = Matrix.of(1, 2, 0.5, 0.9);
    static final Matrix Y = Matrix.of(1, 1, 1.0);

    @Test
    void backwardWithoutForward() {
        StaleForwardError e = assertThrows(StaleForwardError.class, () -> Network.toy(false).backward(Y));
        assertEquals("backward needs a forward pass first: call net.forward(x), then net.backward(y)", e.getMessage());
    }

    @Test
    void stepThenBackwardIsStale() {
        Network net = Network.toy(false);
        net.forward(X);
        net.backward(Y);
        net.step(0.5);
        StaleForwardError e = assertThrows(StaleForwardError.class, () -> net.backward(Y));
        assertTrue(e.getMessage().startsWith("W1 changed after the forward pass"), e.getMessage());
        assertTrue(e.getMessage().contains("run net.forward(x) again"), e.getMessage());
        net.forward(X);
        net.backward(Y); // fine again
    }

    @Test
    void aWriteThroughSetIsStale() {
        Network net = Network.toy(false);
        net.forward(X);
        net.param("W2").set(0, 1, 0.46);
        StaleForwardError e = assertThrows(StaleForwardError.class, () -> net.backward(Y));
        assertTrue(e.getMessage().startsWith("W2 changed"), e.getMessage());
    }

    @Test
    void aWriteThroughExposedStorageIsStale() {
        Network net = Network.toy(false);
        Param w1 = net.param("W1");
        w1.expose();
        DoubleBuffer raw = w1.value().bytes().asDoubleBuffer(); // what a Float64Array view sees
        net.forward(X);
        raw.put(3, 0.31);
        StaleForwardError e = assertThrows(StaleForwardError.class, () -> net.backward(Y));
        assertTrue(e.getMessage().startsWith("W1 changed"), e.getMessage());
        net.forward(X);
        raw.put(3, raw.get(3)); // writing the same value changes nothing
        net.backward(Y);
    }

    @Test
    void stepTwiceIsSpentUnlessReuse() {
        Network net = Network.toy(false);
        StaleGradientError none = assertThrows(StaleGradientError.class, () -> net.step(0.5));
        assertTrue(none.getMessage().contains("call net.forward(x) and net.backward(y) first"), none.getMessage());
        net.forward(X);
        net.backward(Y);
        net.step(0.5);
        double w = net.param("W1").value().at(0);
        StaleGradientError e = assertThrows(StaleGradientError.class, () -> net.step(0.5));
        assertTrue(e.getMessage().contains("already used by a step"), e.getMessage());
        assertTrue(e.getMessage().contains("reuse: true"), e.getMessage());
        assertEquals(w, net.param("W1").value().at(0), 0.0, "the refused step changed nothing");
        double g = net.param("W1").grad().at(0);
        net.step(0.5, true);
        assertEquals(w - 0.5 * g, net.param("W1").value().at(0), 0.0, "reuse steps on the same gradients");
    }

    @Test
    void shapeErrorsNameExpectedAndActual() {
        Network net = Network.toy(false);
        ShapeError in = assertThrows(ShapeError.class, () -> net.forward(Matrix.of(1, 3, 1, 2, 3)));
        assertEquals("forward expects 2 inputs per example, got 3 (x has shape [1, 3])", in.getMessage());
        net.forward(Matrix.of(2, 2, 0.5, 0.9, 0.1, 0.2));
        ShapeError out = assertThrows(ShapeError.class, () -> net.backward(Y));
        assertEquals("the targets y need shape [2, 1] (one row of 1 value for each of the 2 examples in x), got [1, 1]",
                out.getMessage());
        ShapeError predict = assertThrows(ShapeError.class, () -> net.predict(Matrix.of(1, 1, 0.5)));
        assertTrue(predict.getMessage().startsWith("predict expects 2 inputs"), predict.getMessage());
        ShapeError loss = assertThrows(ShapeError.class, () -> net.loss(Matrix.of(1, 1, 0.5), Y));
        assertTrue(loss.getMessage().startsWith("loss expects 2 inputs"), loss.getMessage());
    }

    @Test
    void badWeightsAreRefusedWithoutAHalfWrite() {
        Network net = Network.toy(false);
        Param w1 = net.param("W1");
        long version = w1.version();
        ShapeError shape = assertThrows(ShapeError.class, () -> w1.setAll(new double[] {1, 2, 3}));
        assertEquals("W1 has shape [2, 2] and needs 4 values (row-major), got 3", shape.getMessage());
        ValueError nan = assertThrows(ValueError.class, () -> w1.setAll(new double[] {9, 9, Double.NaN, 9}));
        assertEquals("set W1: value 2 is NaN; W1 must hold finite numbers (nothing was changed)", nan.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.15, 0.20, 0.25, 0.30}, w1.value().toArray(), 0.0);
        assertEquals(version, w1.version());
        Network other = Network.builder(2, 3, 1).seed(1).build();
        ShapeError copy = assertThrows(ShapeError.class, () -> net.copyParamsFrom(other));
        assertTrue(copy.getMessage().startsWith("cannot copy W1 of shape [3, 2] into W1 of shape [2, 2]"), copy.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.15, 0.20, 0.25, 0.30}, w1.value().toArray(), 0.0);
    }

    @Test
    void nonFiniteInputsAndTargetsNameTheFirstBadIndex() {
        Network net = Network.toy(false);
        ValueError x = assertThrows(ValueError.class,
                () -> net.forward(Matrix.of(2, 2, 0.5, 0.9, Double.NaN, Double.POSITIVE_INFINITY)));
        assertEquals("forward: x[1][0] is NaN; every element of x must be a finite number (check the data for missing"
                + " values or a division by zero)", x.getMessage());
        net.forward(X);
        ValueError y = assertThrows(ValueError.class, () -> net.backward(Matrix.of(1, 1, Double.NEGATIVE_INFINITY)));
        assertTrue(y.getMessage().startsWith("targets: y[0][0] is -Infinity; every element of y must be a finite number"),
                y.getMessage());
        net.backward(Y); // the refused calls left the forward usable
    }
}
