package dev.backprop.explain;

import java.util.List;

/**
 * One beat of the walkthrough: what happened, which way it travels, the layer it belongs to
 * (1-based, 0 for the whole network), its numbers, and one line of narration with those numbers.
 */
public sealed interface Beat {

    /** {@code forward}, {@code loss}, {@code outputDelta}, {@code gradient}, {@code hiddenDelta}, {@code update}, {@code recheck}. */
    String kind();

    Direction direction();

    int layer();

    String narration();

    /** Forward through one layer: z = W·in + b, a = f(z), per unit. */
    record Forward(int layer, double[] z, double[] a, String narration) implements Beat {
        public String kind() {
            return "forward";
        }

        public Direction direction() {
            return Direction.FORWARD;
        }
    }

    /** The loss of the output ŷ against the target y. */
    record Loss(int layer, double[] yhat, double[] y, double loss, String narration) implements Beat {
        public String kind() {
            return "loss";
        }

        public Direction direction() {
            return Direction.FORWARD;
        }
    }

    /** δ = ∂L/∂z per unit of one layer; {@code output} for the output layer, else sent back through W of the layer above. */
    record Delta(int layer, boolean output, double[] delta, String narration) implements Beat {
        public String kind() {
            return output ? "outputDelta" : "hiddenDelta";
        }

        public Direction direction() {
            return Direction.BACKWARD;
        }
    }

    /** ∂L/∂W (rows × cols, row-major, one per wire into the layer) and ∂L/∂b of one layer. */
    record Gradient(int layer, int rows, int cols, double[] dW, double[] db, String narration) implements Beat {
        public String kind() {
            return "gradient";
        }

        public Direction direction() {
            return Direction.BACKWARD;
        }
    }

    /** w ← w − η·∂L/∂w for every trainable parameter; frozen ones keep their values. */
    record Update(double lr, List<Change> changes, String narration) implements Beat {
        public String kind() {
            return "update";
        }

        public Direction direction() {
            return Direction.BACKWARD;
        }

        public int layer() {
            return 0;
        }
    }

    /** One parameter's values before and after the update (row-major). */
    record Change(String name, boolean trainable, double[] before, double[] after) {
    }

    /** The closing forward pass with the updated weights: every layer's new a, the new ŷ and the new loss. */
    record Recheck(List<double[]> a, double[] yhat, double loss, double previousLoss, String narration) implements Beat {
        public String kind() {
            return "recheck";
        }

        public Direction direction() {
            return Direction.FORWARD;
        }

        public int layer() {
            return a.size();
        }
    }
}
