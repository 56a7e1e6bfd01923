package dev.backprop.nn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out {@link Network#checkGrads}: compares a learner's hand-computed gradients with backward's
 * and, when they differ, tries the lesson's classic mistakes one by one. The mistaken variants are
 * recomputed from the cached forward (x, z, a per layer) and targets through backward's own per-layer
 * code ({@link Dense#gradients}, {@link Dense#backward}), with one switch each.
 */
final class GradDiagnoser {
    /** Agreement of the recomputed true gradients with backward's (the same code, so equal unless accumulated or older). */
    private static final double SELF_CHECK = 1e-9;

    private final Network net;
    private final List<Dense> layers;
    private final Matrix input;
    private final Matrix targets;
    private final int batch;
    private final double tol;
    private final Double givenLr;

    private GradDiagnoser(Network net, double tol, Double lr) {
        this.net = net;
        this.layers = net.layers();
        this.input = net.lastInput();
        this.targets = net.lastTargets();
        this.batch = input.rows();
        this.tol = tol;
        this.givenLr = lr;
    }

    static GradDiagnosis diagnose(Network net, Map<String, double[]> mine, double tol, Double lr) {
        Checks.positive("checkGrads tol", tol);
        if (lr != null) {
            Checks.positive("checkGrads lr", lr);
        }
        if (mine.isEmpty()) {
            throw new ValueError("checkGrads needs at least one gradient, e.g. { W1: [...] } (flat, row-major);"
                    + " this network has " + net.paramNames());
        }
        for (Map.Entry<String, double[]> e : mine.entrySet()) {
            Param p = net.param(e.getKey());
            double[] v = e.getValue();
            if (v == null || v.length != p.size()) {
                throw new ShapeError("checkGrads: " + p.name() + " has shape " + p.value().shapeString() + ", so its"
                        + " gradient needs " + p.size() + " numbers (flat, row-major), got "
                        + (v == null ? "none" : v.length));
            }
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new ValueError("checkGrads: your " + p.name() + "[" + k + "] is " + v[k]
                            + "; a gradient must hold finite numbers (look for a division by zero or a log of 0)");
                }
            }
        }
        if (net.lastTargets() == null || net.lastInput() == null
                || net.lastTargets().rows() != net.lastInput().rows()) {
            throw new StaleGradientError("checkGrads compares with the gradients of the latest forward and backward;"
                    + " call net.forward(x) and net.backward(y) first (on the same x and y you used by hand)");
        }
        if (!net.forwardCurrent()) {
            throw new StaleForwardError("the weights changed after the latest forward (a step or a write), so the"
                    + " gradients to compare with are gone; run net.forward(x) and net.backward(y) again, then checkGrads");
        }
        GradDiagnoser d = new GradDiagnoser(net, tol, lr);
        d.selfCheck();
        Map<String, GradDiagnosis.Verdict> out = new LinkedHashMap<>();
        boolean allOk = true;
        for (int i = 0; i < net.params().size(); i++) {
            Param p = net.params().get(i);
            double[] v = mine.get(p.name());
            if (v != null) {
                GradDiagnosis.Verdict verdict = d.judge(i, p, v);
                out.put(p.name(), verdict);
                allOk &= verdict.status() == GradStatus.OK;
            }
        }
        return new GradDiagnosis(allOk, out);
    }

    /** Backward's gradients must be the ones this forward and these targets give (not accumulated, not older). */
    private void selfCheck() {
        double[][] truth = variant(new boolean[layers.size()], 0.0);
        for (int i = 0; i < truth.length; i++) {
            Param p = net.params().get(i);
            double[] g = p.grad().toArray();
            double scale = 0;
            for (double e : g) {
                scale = Math.max(scale, Math.abs(e));
            }
            if (firstDiff(truth[i], g, SELF_CHECK * Math.max(scale, 1e-300), false) >= 0) {
                throw new StaleGradientError("checkGrads needs the gradients of the latest forward and backward, but "
                        + p.name() + ".grad holds something else (accumulated over several backward calls, or from an"
                        + " earlier batch); run net.forward(x) and net.backward(y) once, then checkGrads");
            }
        }
    }

    private GradDiagnosis.Verdict judge(int paramIndex, Param p, double[] mine) {
        double[] g = p.grad().toArray();
        String name = p.name();
        int first = firstDiff(mine, g, tol, true);
        if (first < 0) {
            return new GradDiagnosis.Verdict(GradStatus.OK, name + " matches backward's gradient", -1);
        }
        String at = " (first difference at index " + first + ": yours " + Checks.js(mine[first]) + ", backward's " + Checks.js(g[first])
                + ")";
        if (matches(mine, scaled(g, -1))) {
            return verdict(GradStatus.SIGN_FLIPPED, name + " has the right size but the wrong sign: δ_o is (ŷ − y)·σ',"
                    + " not (y − ŷ)·σ'" + at, first);
        }
        if (batch > 1 && matches(mine, scaled(g, batch))) {
            return verdict(GradStatus.NOT_AVERAGED, name + " is " + batch + " times too large: it is summed over the"
                    + " batch of " + batch + "; divide by the batch size to get the mean" + at, first);
        }
        if (p.rows() > 1 && p.cols() > 1 && matches(mine, transposed(g, p.rows(), p.cols()))) {
            return verdict(GradStatus.TRANSPOSED, name + " is transposed: ∂L/∂W is δᵀ·x with shape " + p.value().shapeString()
                    + " (one row per unit of this layer), not xᵀ·δ" + at, first);
        }
        String dropped = derivativeDropped(paramIndex, mine);
        if (dropped != null) {
            return verdict(GradStatus.DERIVATIVE_DROPPED, name + " is what you get without the σ' factor " + dropped
                    + ": δ = (Wᵀδ_next) ⊙ σ'(z), and δ_o includes σ'(z_o) too" + at, first);
        }
        double lr = staleLearningRate(paramIndex, mine);
        if (!Double.isNaN(lr)) {
            String lrText = new BigDecimal(lr).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            return verdict(GradStatus.STALE_WEIGHTS, name + " was computed by sending δ back through weights already"
                    + " updated by a step (lr " + (givenLr != null ? "" : "≈ ") + lrText + "); compute every gradient"
                    + " first, then update" + at, first);
        }
        return verdict(GradStatus.WRONG, name + " differs from backward's gradient and matches none of the usual"
                + " mistakes" + at, first);
    }

    private static GradDiagnosis.Verdict verdict(GradStatus status, String message, int index) {
        return new GradDiagnosis.Verdict(status, message, index);
    }

    /** Where σ' was left out, when leaving it out somewhere reproduces {@code mine}; else null. */
    private String derivativeDropped(int paramIndex, double[] mine) {
        int n = layers.size();
        int layer = paramIndex / 2;
        boolean outputHasFactor = net.loss() instanceof Squared || net.loss() instanceof Mse;
        List<boolean[]> tries = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (outputHasFactor) {
            boolean[] out = new boolean[n];
            out[n - 1] = true;
            tries.add(out);
            where.add("at the output layer");
        }
        for (int h = n - 2; h >= layer; h--) {
            boolean[] one = new boolean[n];
            one[h] = true;
            tries.add(one);
            where.add("of layer " + (h + 1) + " (" + layers.get(h).activation().name() + ")");
        }
        boolean[] all = new boolean[n];
        for (int l = 0; l < n - (outputHasFactor ? 0 : 1); l++) {
            all[l] = true;
        }
        tries.add(all);
        where.add(outputHasFactor ? "at every layer" : "at every hidden layer");
        for (int t = 0; t < tries.size(); t++) {
            if (matches(mine, variant(tries.get(t), 0.0)[paramIndex])) {
                return where.get(t);
            }
        }
        return null;
    }

    /**
     * The learning rate at which "δ sent back through already-updated weights" reproduces {@code mine},
     * or NaN. The given lr is used when there is one; else it is solved for: the stale gradient is a
     * polynomial in lr, so a linear estimate from its slope at 0 is refined by Gauss–Newton steps. An
     * unknown lr is only solved for parameters of two or more elements (one element fits any value).
     */
    private double staleLearningRate(int paramIndex, double[] mine) {
        if (paramIndex / 2 >= layers.size() - 1) {
            return Double.NaN; // the output layer's gradients come before any update
        }
        if (givenLr != null) {
            return matches(mine, variant(noDrop(), givenLr)[paramIndex]) ? givenLr : Double.NaN;
        }
        if (mine.length < 2) {
            return Double.NaN; // one number and one unknown lr: any value would fit, so it proves nothing
        }
        double lr = 0;
        for (int iter = 0; iter < 12; iter++) {
            double h = 1e-4 * Math.max(1, Math.abs(lr));
            double[] f = variant(noDrop(), lr)[paramIndex];
            double[] up = variant(noDrop(), lr + h)[paramIndex];
            double[] down = variant(noDrop(), lr - h)[paramIndex];
            double num = 0;
            double den = 0;
            for (int k = 0; k < f.length; k++) {
                double j = (up[k] - down[k]) / (2 * h); // ∂f/∂lr
                num += (mine[k] - f[k]) * j;
                den += j * j;
            }
            if (den == 0 || !Double.isFinite(num / den)) {
                return Double.NaN;
            }
            double change = num / den;
            lr += change;
            if (Math.abs(change) <= 1e-12 * Math.max(1, Math.abs(lr))) {
                break;
            }
        }
        return lr > 0 && Double.isFinite(lr) && matches(mine, variant(noDrop(), lr)[paramIndex]) ? lr : Double.NaN;
    }

    private boolean[] noDrop() {
        return new boolean[layers.size()];
    }

    /**
     * Backward recomputed from the cached forward with two switches: {@code drop[l]} leaves σ' out of
     * layer l's δ, and {@code staleLr} &gt; 0 updates each layer's W (w − lr·∂L/∂w) before δ is sent
     * back through it. Returns ∂L/∂p for W1, b1, W2, b2, … (flat, row-major).
     */
    double[][] variant(boolean[] drop, double staleLr) {
        int n = layers.size();
        double[][] grads = new double[2 * n][];
        Dense top = layers.get(n - 1);
        Matrix delta = Matrix.zeros(batch, top.outputs());
        Matrix scratch = Matrix.zeros(batch, top.outputs());
        Activation outAct = drop[n - 1] ? Identity.INSTANCE : top.activation();
        net.loss().outputDelta(top.z(), top.a(), targets, outAct, delta, scratch); // δ_o = ∂L/∂ŷ ⊙ σ'(z_o)
        for (int l = n - 1; l >= 0; l--) {
            Dense d = layers.get(l);
            Matrix x = l == 0 ? input : layers.get(l - 1).a();
            Matrix gw = Matrix.zeros(d.outputs(), d.inputs());
            Matrix gb = Matrix.zeros(1, d.outputs());
            d.gradients(delta, x, 1.0 / batch, false, gw, gb); // ∂L/∂W = mean δᵀ·x, ∂L/∂b = mean δ, as backward
            grads[2 * l] = gw.toArray();
            grads[2 * l + 1] = gb.toArray();
            if (l == 0) {
                break;
            }
            Matrix w = d.W().value();
            if (staleLr != 0) {
                w = w.copy();
                for (int k = 0; k < w.size(); k++) {
                    w.put(k, w.at(k) - staleLr * gw.at(k)); // the mistake: W updated (w − lr·∂L/∂w) before δ goes back
                }
            }
            Dense below = layers.get(l - 1);
            Matrix gradA = Matrix.zeros(batch, below.outputs());
            Matrix prev = Matrix.zeros(batch, below.outputs());
            d.backward(delta, w, below, !drop[l - 1], gradA, prev); // δ_prev = (Wᵀδ) ⊙ σ'(z), or Wᵀδ (the mistake)
            delta = prev;
        }
        return grads;
    }

    private boolean matches(double[] mine, double[] candidate) {
        return firstDiff(mine, candidate, tol, true) < 0;
    }

    /** First k with |mine − c| &gt; tol·max(1, |c|) (relative) or &gt; tol (absolute), else -1. */
    private static int firstDiff(double[] mine, double[] c, double tol, boolean relative) {
        for (int k = 0; k < mine.length; k++) {
            double limit = relative ? tol * Math.max(1, Math.abs(c[k])) : tol;
            if (!(Math.abs(mine[k] - c[k]) <= limit)) {
                return k;
            }
        }
        return -1;
    }

    private static double[] scaled(double[] g, double factor) {
        double[] out = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            out[k] = factor * g[k];
        }
        return out;
    }

    /** The flat row-major [cols, rows] transpose of a flat row-major [rows, cols] matrix. */
    private static double[] transposed(double[] g, int rows, int cols) {
        double[] out = new double[g.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = g[i * cols + j];
            }
        }
        return out;
    }
}
