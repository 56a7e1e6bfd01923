package dev.backprop.nn;

/**
 * The lesson's backward written out by hand in plain doubles, independent of the engine, with a
 * switch for each classic mistake a learner makes. Loss 'squared' (½Σ(ŷ − y)², mean over the batch);
 * activations sigmoid, tanh or relu. W[l] is [outputs][inputs] as in the lesson.
 */
final class HandNet {
    /** The learner's mistakes, one at a time. */
    enum Mistake { NONE, SIGN_FLIPPED, DROP_OUTPUT_DERIVATIVE, DROP_HIDDEN_DERIVATIVE, DROP_EVERY_DERIVATIVE,
        NOT_AVERAGED, UPDATED_WEIGHTS }

    final double[][][] w;
    final double[][] b;
    final String[] act;

    HandNet(double[][][] w, double[][] b, String... act) {
        this.w = w;
        this.b = b;
        this.act = act;
    }

    /** A copy of the network's weights and biases (read once, then everything here is plain Java). */
    static HandNet of(Network net) {
        int n = net.layers().size();
        double[][][] w = new double[n][][];
        double[][] b = new double[n][];
        String[] act = new String[n];
        for (int l = 0; l < n; l++) {
            Dense d = net.layers().get(l);
            w[l] = d.W().value().toRows();
            b[l] = d.b().value().toArray();
            act[l] = d.activation().name();
        }
        return new HandNet(w, b, act);
    }

    static double f(String act, double z) {
        return switch (act) {
            case "sigmoid" -> 1 / (1 + Math.exp(-z));
            case "tanh" -> Math.tanh(z);
            case "relu" -> Math.max(0, z);
            default -> throw new IllegalArgumentException(act);
        };
    }

    /** σ'(z) read off a, as in the lesson. */
    static double fPrime(String act, double z, double a) {
        return switch (act) {
            case "sigmoid" -> a * (1 - a);
            case "tanh" -> 1 - a * a;
            case "relu" -> z > 0 ? 1 : 0;
            default -> throw new IllegalArgumentException(act);
        };
    }

    /** as[0] = x, as[l + 1] = f(z[l]); zs[l] = W[l]·as[l] + b[l], for one example. */
    double[][][] forward(double[] x) {
        int n = w.length;
        double[][] as = new double[n + 1][];
        double[][] zs = new double[n][];
        as[0] = x;
        for (int l = 0; l < n; l++) {
            zs[l] = new double[w[l].length];
            as[l + 1] = new double[w[l].length];
            for (int j = 0; j < w[l].length; j++) {
                double s = b[l][j];
                for (int k = 0; k < as[l].length; k++) {
                    s += w[l][j][k] * as[l][k];
                }
                zs[l][j] = s;
                as[l + 1][j] = f(act[l], s);
            }
        }
        return new double[][][] {as, zs};
    }

    /**
     * ∂L/∂W and ∂L/∂b per layer for a batch, made with {@code mistake}. For {@link Mistake#UPDATED_WEIGHTS}
     * each layer's W is stepped (w − lr·∂L/∂w) right after its gradient and before δ goes back through it.
     * Returns grads[2l] = dW (flat, row-major), grads[2l + 1] = db.
     */
    double[][] gradients(double[][] xs, double[][] ys, Mistake mistake, double lr) {
        int n = w.length;
        int batch = xs.length;
        double[][] grads = new double[2 * n][];
        for (int l = 0; l < n; l++) {
            grads[2 * l] = new double[w[l].length * w[l][0].length];
            grads[2 * l + 1] = new double[w[l].length];
        }
        double[][][] used = new double[n][][];
        for (int l = 0; l < n; l++) {
            used[l] = new double[w[l].length][];
            for (int j = 0; j < w[l].length; j++) {
                used[l][j] = w[l][j].clone();
            }
        }
        // all examples' δ per layer, so that the 'updated weights' mistake can update once per batch
        double[][][] as = new double[batch][][];
        double[][][] zs = new double[batch][][];
        double[][][] deltas = new double[batch][n][];
        for (int i = 0; i < batch; i++) {
            double[][][] fw = forward(xs[i]);
            as[i] = fw[0];
            zs[i] = fw[1];
            double[] yhat = as[i][n];
            double[] d = new double[yhat.length];
            for (int j = 0; j < d.length; j++) {
                double err = mistake == Mistake.SIGN_FLIPPED ? ys[i][j] - yhat[j] : yhat[j] - ys[i][j];
                boolean drop = mistake == Mistake.DROP_OUTPUT_DERIVATIVE || mistake == Mistake.DROP_EVERY_DERIVATIVE;
                d[j] = drop ? err : err * fPrime(act[n - 1], zs[i][n - 1][j], yhat[j]); // δ_o = (ŷ − y)·σ'(z_o)
            }
            deltas[i][n - 1] = d;
        }
        double scale = mistake == Mistake.NOT_AVERAGED ? 1.0 : 1.0 / batch;
        for (int l = n - 1; l >= 0; l--) {
            int out = w[l].length;
            int in = w[l][0].length;
            for (int i = 0; i < batch; i++) {
                for (int j = 0; j < out; j++) {
                    grads[2 * l + 1][j] += scale * deltas[i][l][j];                         // ∂L/∂b = δ
                    for (int k = 0; k < in; k++) {
                        grads[2 * l][j * in + k] += scale * deltas[i][l][j] * as[i][l][k];  // ∂L/∂W = δ ⊗ a_prev
                    }
                }
            }
            if (l == 0) {
                break;
            }
            if (mistake == Mistake.UPDATED_WEIGHTS) {
                for (int j = 0; j < out; j++) {
                    for (int k = 0; k < in; k++) {
                        used[l][j][k] -= lr * grads[2 * l][j * in + k];
                    }
                }
            }
            boolean drop = mistake == Mistake.DROP_EVERY_DERIVATIVE
                    || (mistake == Mistake.DROP_HIDDEN_DERIVATIVE && l == n - 1);
            for (int i = 0; i < batch; i++) {
                double[] prev = new double[in];
                for (int k = 0; k < in; k++) {
                    double s = 0;
                    for (int j = 0; j < out; j++) {
                        s += used[l][j][k] * deltas[i][l][j];
                    }
                    prev[k] = drop ? s : s * fPrime(act[l - 1], zs[i][l - 1][k], as[i][l][k]); // δ_h = (Wᵀδ) ⊙ σ'
                }
                deltas[i][l - 1] = prev;
            }
        }
        return grads;
    }

    /** The flat row-major transpose of a flat row-major [rows, cols] gradient. */
    static double[] transpose(double[] g, int rows, int cols) {
        double[] t = new double[g.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = g[i * cols + j];
            }
        }
        return t;
    }
}
