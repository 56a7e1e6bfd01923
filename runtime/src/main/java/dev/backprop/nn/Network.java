package dev.backprop.nn;

import dev.backprop.kernel.Kernels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A fully connected network and the lesson's training trio: {@link #forward} caches z and a per
 * layer, {@link #backward} sends δ from the output back to the input and leaves ∂L/∂p in every
 * parameter, {@link #step} moves each trainable parameter downhill. Two guards catch the lesson's
 * ordering mistakes: backward refuses weights that changed after the forward (stale forward), and
 * step refuses gradients an earlier step already used (spent gradients).
 */
public final class Network {
    private final List<Dense> layers;
    private final List<Param> params;
    /** The same parameters as an array, for the per-step loops (guards, step). */
    private final Param[] paramArray;
    private final Loss loss;
    private final Long seed;
    /** Whether a layer runs a script's activation, whose df runs inside backward (and could write a weight). */
    private final boolean hasCustom;

    private Matrix input;
    private Matrix targets;
    private Matrix outputGrad;
    private Matrix[] gradA;
    private long[] forwardStamps;
    private boolean hasForward;
    private boolean hasGrads;
    private boolean gradsFresh;
    private Workspace evalSpace;
    private final ArrayList<Param> trainableScratch;
    private final double[] normScratch;
    /** The call in progress (forward, backward, …), or null: a network is not re-entrant. */
    private String running;
    /** Whether the latest backward came from targets (backward) rather than from ∂L/∂ŷ (backwardFrom). */
    private boolean gradsFromTargets;
    /** ∂L/∂x of the latest backward, computed when first read: from layer 1's δ, W1 and the scale. */
    private final InputGrad inputGrad = new InputGrad();

    Network(List<Dense> layers, Loss loss, Long seed) {
        if (layers.isEmpty()) {
            throw new ShapeError("a network needs at least one layer: give sizes like [2, 2, 1]");
        }
        loss.checkOutput(layers.get(layers.size() - 1).activation());
        this.layers = List.copyOf(layers);
        List<Param> ps = new ArrayList<>();
        for (Dense d : layers) {
            ps.add(d.W());
            ps.add(d.b());
        }
        this.params = Collections.unmodifiableList(ps);
        this.paramArray = ps.toArray(new Param[0]);
        this.trainableScratch = new ArrayList<>(ps.size());
        this.normScratch = new double[ps.size()];
        this.loss = loss;
        this.seed = seed;
        this.hasCustom = layers.stream().anyMatch(d -> d.activation() instanceof Custom);
    }

    /** A builder for a network with these layer sizes, e.g. {@code builder(2, 2, 1)}. */
    public static NetworkBuilder builder(int... sizes) {
        return new NetworkBuilder(sizes);
    }

    /**
     * The lesson's network: 2→2→1, sigmoid, loss 'squared', W1 = [0.15, 0.20; 0.25, 0.30],
     * b1 = [0.35, 0.35], W2 = [0.40, 0.45], b2 = 0.60; the biases frozen unless {@code trainBiases}.
     */
    public static Network toy(boolean trainBiases) {
        Network net = builder(2, 2, 1).activation(Sigmoid.INSTANCE.name()).loss(Squared.INSTANCE.name()).init("zeros")
                .seed(null).build();
        net.layer(1).W().setAll(new double[] {0.15, 0.20, 0.25, 0.30});
        net.layer(1).b().setAll(new double[] {0.35, 0.35});
        net.layer(2).W().setAll(new double[] {0.40, 0.45});
        net.layer(2).b().setAll(new double[] {0.60});
        if (!trainBiases) {
            net.layer(1).b().freeze();
            net.layer(2).b().freeze();
        }
        return net;
    }

    public List<Dense> layers() {
        return layers;
    }

    /** Layer by 1-based index, as in the lesson (layer 1 holds W1, b1). */
    public Dense layer(int index) {
        if (index < 1 || index > layers.size()) {
            throw new ValueError("layer " + index + " does not exist; this network has layers 1 to " + layers.size());
        }
        return layers.get(index - 1);
    }

    /** W1, b1, W2, b2, … */
    public List<Param> params() {
        return params;
    }

    /** The parameter with this name, or a ValueError listing the names. */
    public Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new ValueError("no parameter named '" + name + "'; this network has " + paramNames());
    }

    public Loss loss() {
        return loss;
    }

    /** The seed the weights were drawn with, or null when they were set by hand. */
    public Long seed() {
        return seed;
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** [inputs, hidden…, outputs]. */
    public int[] sizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = inputs();
        for (int i = 0; i < layers.size(); i++) {
            s[i + 1] = layers.get(i).outputs();
        }
        return s;
    }

    /** Total number of weights and biases. */
    public long parameterCount() {
        long n = 0;
        for (Param p : params) {
            n += p.size();
        }
        return n;
    }

    /**
     * Runs the network on a batch x [B, inputs] and caches every layer's z and a for backward.
     * Returns the output layer's a [B, outputs], a live cache valid until the next forward.
     */
    public Matrix forward(Matrix x) {
        enter("forward");
        try {
            return forwardCached(x);
        } finally {
            running = null;
        }
    }

    private Matrix forwardCached(Matrix x) {
        checkInput("forward", x);
        hasForward = false; // until the whole pass is done: a forward stopped half-way leaves no cache to use
        int batch = x.rows();
        if (input == null || input.rows() != batch) {
            input = Matrix.zeros(batch, inputs());
            for (Dense d : layers) {
                d.z = Matrix.zeros(batch, d.outputs());
                d.a = Matrix.zeros(batch, d.outputs());
                d.delta = null;
            }
            outputGrad = null;
            gradA = null;
        }
        // The weights are stamped before they are used: a write from inside a custom activation shows as stale.
        Param[] ps = paramArray;
        long[] stamps = forwardStamps;
        if (stamps == null) {
            stamps = new long[ps.length];
            forwardStamps = stamps;
        }
        for (int i = 0; i < ps.length; i++) {
            stamps[i] = ps[i].stamp();
        }
        input.copyFrom(x);
        Matrix in = input;
        for (int l = 0; l < layers.size(); l++) { // indexed loops: no iterator per step
            Dense d = layers.get(l);
            d.forward(in, d.z, d.a); // z = x·Wᵀ + b, a = f(z)
            in = d.a;
        }
        hasForward = true;
        return in;
    }

    /** Overwrites the gradients with those of the loss of the cached forward against y; returns the loss. */
    public double backward(Matrix y) {
        return backward(y, false);
    }

    /**
     * The loss of the cached forward against targets y, then δ for every layer and ∂L/∂p (batch
     * means) for every parameter, frozen ones included. With {@code accumulate} the gradients are
     * added to what is there (see {@link #zeroGrad}).
     */
    public double backward(Matrix y, boolean accumulate) {
        enter("backward");
        try {
            return backwardFromTargets(y, accumulate);
        } finally {
            running = null;
        }
    }

    /**
     * Backpropagates ∂L/∂ŷ of a loss the caller computed itself (like PyTorch's {@code y.backward(grad)}):
     * {@code grad} is [B, outputs] against the cached forward. The output activation's derivative is
     * applied (softmax through its Jacobian), then δ and ∂L/∂p for every layer as in {@link #backward},
     * but summed over the batch, not averaged: grad is already the derivative of the caller's L, so a
     * mean loss brings its own 1/B. With {@code accumulate} the gradients are added to what is there.
     */
    public void backwardFrom(Matrix grad, boolean accumulate) {
        enter("backwardFrom");
        try {
            checkForwardFresh("backwardFrom", "net.backwardFrom(grad)");
            int batch = input.rows();
            if (grad.rows() != batch || grad.cols() != outputs()) {
                throw new ShapeError("backwardFrom expects ∂L/∂ŷ of shape [" + batch + ", " + outputs() + "] (one row of "
                        + outputs() + (outputs() == 1 ? " value" : " values") + " for each of the " + batch
                        + " examples of the latest forward), got " + grad.shapeString());
            }
            Checks.finite("backwardFrom", "grad", grad);
            ensureBackwardSpace(batch);
            Dense top = layers.get(layers.size() - 1);
            outputGrad.copyFrom(grad); // a copy: grad may be a live cache such as top.a
            forgetGrads(); // the output δ below may already call a custom activation's df
            top.activation().backward(top.z, top.a, outputGrad, top.delta); // δ_o = ∂L/∂ŷ ⊙ f'(z) (softmax: Jacobian)
            gradsFromTargets = false;
            propagate(1.0, accumulate);
            checkUnchangedDuring("backwardFrom");
        } finally {
            running = null;
        }
    }

    /**
     * ∂L/∂x, [B, inputs], of the latest {@link #backward} (the batch-mean loss, consistent with the
     * parameter gradients) or {@link #backwardFrom}; null before any. Valid until the next backward;
     * a step in between does not change it.
     */
    public Matrix inputGrad() {
        return inputGrad.read();
    }

    private double backwardFromTargets(Matrix y, boolean accumulate) {
        checkForwardFresh("backward", "net.backward(y)");
        Dense top = layers.get(layers.size() - 1);
        int batch = input.rows();
        loss.checkTargets(y, batch, outputs());
        if (targets == null || targets.rows() != y.rows() || targets.cols() != y.cols()) {
            targets = Matrix.zeros(y.rows(), y.cols());
        }
        targets.copyFrom(y);
        ensureBackwardSpace(batch);
        double value = loss.value(top.z, top.a, targets);
        forgetGrads(); // the output δ below may already call a custom activation's df
        loss.outputDelta(top.z, top.a, targets, top.activation(), top.delta, outputGrad); // δ_o
        gradsFromTargets = true;
        propagate(1.0 / batch, accumulate);
        checkUnchangedDuring("backward");
        return value;
    }

    /**
     * From the output layer's δ down: ∂L/∂W = scale·δᵀ·x and ∂L/∂b = scale·Σδ per layer (scale 1/B for
     * backward's batch mean, 1 for backwardFrom), then δ_prev = (Wᵀδ) ⊙ f'(z) for the layer below.
     */
    private void propagate(double scale, boolean accumulate) {
        for (int l = layers.size() - 1; l >= 0; l--) {
            Dense d = layers.get(l);
            Matrix x = l == 0 ? input : layers.get(l - 1).a;
            d.gradients(d.delta, x, scale, accumulate, d.W().grad(), d.b().grad()); // ∂L/∂W = scale·δᵀ·x, ∂L/∂b
            if (l > 0) {
                Dense below = layers.get(l - 1);
                d.backward(d.delta, d.W().value(), below, true, gradA[l - 1], below.delta); // δ_prev = (Wᵀδ) ⊙ f'(z)
            }
        }
        inputGrad.remember(layers.get(0), scale, forwardStamps[0]); // W1 as the fresh forward saw it
        hasGrads = true;
        gradsFresh = true;
    }

    /** Sets every gradient to zero (for accumulating over several backward calls). */
    public void zeroGrad() {
        enter("zeroGrad");
        try {
            for (Param p : params) {
                p.grad().fill(0.0);
            }
            gradsFresh = false;
        } finally {
            running = null;
        }
    }

    /** Plain gradient descent, w ← w − lr·∂L/∂w, on every trainable parameter. */
    public void step(double lr) {
        step(lr, false);
    }

    /** As {@link #step(double)}; {@code reuse} allows a second step on the same gradients. */
    public void step(double lr, boolean reuse) {
        Checks.learningRate("learning rate", lr);
        enter("step");
        try {
            stepPlain(lr, reuse);
        } finally {
            running = null;
        }
    }

    private void stepPlain(double lr, boolean reuse) {
        checkGradsFresh(reuse);
        inputGrad.keepW1();
        for (Param p : paramArray) {
            if (p.trainable()) {
                p.recordUpdateSquaredNorm(p.descend(lr)); // w ← w − η·∂L/∂w; ‖Δp‖ = √sq when asked
                p.touch();
            }
        }
        gradsFresh = false;
    }

    /** One update by {@code optimizer} (an {@code dev.backprop.optim.Optimizer}) on every trainable parameter. */
    public void step(UpdateRule optimizer) {
        step(optimizer, false);
    }

    /** As {@link #step(UpdateRule)}; {@code reuse} allows a second step on the same gradients. */
    public void step(UpdateRule optimizer, boolean reuse) {
        enter("step");
        try {
            stepWith(optimizer, reuse);
        } finally {
            running = null;
        }
    }

    private void stepWith(UpdateRule optimizer, boolean reuse) {
        checkGradsFresh(reuse);
        inputGrad.keepW1();
        List<Param> trainable = trainableScratch; // reused: a steady-state step allocates nothing
        trainable.clear();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).trainable()) {
                trainable.add(params.get(i));
            }
        }
        double[] norms = normScratch;
        optimizer.update(trainable, norms);
        for (int i = 0; i < trainable.size(); i++) {
            trainable.get(i).recordUpdateNorm(norms[i]);
            trainable.get(i).touch();
        }
        gradsFresh = false;
    }

    /** The outputs for x, computed without touching the training caches. Returns a new matrix. */
    public Matrix predict(Matrix x) {
        return evaluate("predict", x).copy();
    }

    /** The loss on (x, y), computed without touching the caches or the gradients. */
    public double loss(Matrix x, Matrix y) {
        Matrix out = evaluate("loss", x);
        loss.checkTargets(y, x.rows(), outputs());
        Workspace ws = evalSpace;
        return loss.value(ws.z[layers.size() - 1], out, y);
    }

    /** L2 norms of each layer's gradients, input side first. */
    public List<GradNorm> gradNorms() {
        List<GradNorm> out = new ArrayList<>();
        for (Dense d : layers) {
            out.add(new GradNorm(d.index(),
                    Math.sqrt(Kernels.sumSquares(d.W().grad().data(), d.W().size())),
                    Math.sqrt(Kernels.sumSquares(d.b().grad().data(), d.b().size()))));
        }
        return out;
    }

    /**
     * Central differences against backward on (x, y), with step {@code eps}: the relative error per
     * parameter as defined in {@link GradCheck}. Runs on a copy, so this network's caches and
     * gradients stay as they were.
     */
    public GradCheck gradCheck(Matrix x, Matrix y, double eps) {
        return GradCheck.run(this, x, y, eps);
    }

    /** {@link #gradCheck(Matrix, Matrix, double)} with ε = 1e-6. */
    public GradCheck gradCheck(Matrix x, Matrix y) {
        return gradCheck(x, y, GradCheck.DEFAULT_EPS);
    }

    /**
     * Compares gradients computed by hand ({@code mine}: parameter name → flat row-major values) with
     * those of the latest forward and backward, within {@code tol}·max(1, |g|) per element, and names
     * the classic mistake behind each mismatch (see {@link GradStatus}). {@code lr} is the learning rate
     * of the step a 'staleWeights' mistake took, or null to solve for it. Changes nothing.
     */
    public GradDiagnosis checkGrads(Map<String, double[]> mine, double tol, Double lr) {
        return GradDiagnoser.diagnose(this, mine, tol, lr);
    }

    /** {@link #checkGrads(Map, double, Double)} with an unknown learning rate. */
    public GradDiagnosis checkGrads(Map<String, double[]> mine, double tol) {
        return checkGrads(mine, tol, null);
    }

    /** Per layer: activation mean and std, fraction saturated, gradient norm, update:data ratio ({@link LayerStats}). */
    public List<LayerStats> stats() {
        return LayerStats.of(this);
    }

    /** A deep copy of the weights, biases, trainable flags, activations and loss (no caches). */
    public Network copy() {
        List<Dense> copies = new ArrayList<>();
        for (Dense d : layers) {
            Dense c = new Dense(d.index(), d.inputs(), d.outputs(), d.activation());
            c.W().value().copyFrom(d.W().value());
            c.b().value().copyFrom(d.b().value());
            c.W().setTrainable(d.W().trainable());
            c.b().setTrainable(d.b().trainable());
            copies.add(c);
        }
        return new Network(copies, loss, seed);
    }

    /** Copies every parameter value and trainable flag from {@code other}, which must have the same shape. */
    public void copyParamsFrom(Network other) {
        if (other.params.size() != params.size()) {
            throw new ShapeError("cannot copy parameters from a network with " + other.layers.size() + " layers into"
                    + " one with " + layers.size() + "; both need the same sizes (" + java.util.Arrays.toString(sizes())
                    + ")");
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Param q = other.params.get(i);
            if (p.rows() != q.rows() || p.cols() != q.cols()) {
                throw new ShapeError("cannot copy " + q.name() + " of shape " + q.value().shapeString() + " into "
                        + p.name() + " of shape " + p.value().shapeString() + "; both networks need the same sizes"
                        + " (nothing was copied)");
            }
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Param q = other.params.get(i);
            p.value().copyFrom(q.value());
            p.setTrainable(q.trainable());
            p.touch();
        }
    }

    /** The targets given to the latest backward, or null (also after a backwardFrom, which has none). */
    public Matrix lastTargets() {
        return hasGrads && gradsFromTargets ? targets : null;
    }

    /** The input of the latest training forward, or null. */
    public Matrix lastInput() {
        return hasForward ? input : null;
    }

    /** Whether a backward ran since the last step (so step would not reuse spent gradients). */
    public boolean gradsFresh() {
        return gradsFresh;
    }

    /** A text table: layer, shape, activation, parameter count, trainable. */
    public String summary() {
        return Summary.of(this);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Network ");
        int[] s = sizes();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "→").append(s[i]);
        }
        sb.append(" (");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i).activation().name());
        }
        return sb.append("; loss ").append(loss.name()).append(')').toString();
    }

    /** Runs forward into the evaluation workspace and returns its output (valid until the next call). */
    Matrix evaluate(String what, Matrix x) {
        enter(what);
        try {
            return evaluateFresh(what, x);
        } finally {
            running = null;
        }
    }

    private Matrix evaluateFresh(String what, Matrix x) {
        checkInput(what, x);
        int batch = x.rows();
        if (evalSpace == null || evalSpace.batch != batch) {
            evalSpace = new Workspace(batch);
        }
        Matrix in = x;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).forward(in, evalSpace.z[l], evalSpace.a[l]); // z = x·Wᵀ + b, a = f(z)
            in = evalSpace.a[l];
        }
        return in;
    }

    /** Whether no parameter changed since the latest training forward. */
    boolean forwardCurrent() {
        return hasForward && firstChangedSinceForward() < 0;
    }

    /** The first parameter (index into paramArray) changed since the latest forward stamped them, or -1. */
    private int firstChangedSinceForward() {
        for (int i = 0; i < paramArray.length; i++) {
            if (paramArray[i].stamp() != forwardStamps[i]) {
                return i;
            }
        }
        return -1;
    }

    String paramNames() {
        List<String> names = new ArrayList<>();
        for (Param p : params) {
            names.add(p.name());
        }
        return String.join(", ", names);
    }

    private void checkInput(String what, Matrix x) {
        if (x.cols() != inputs()) {
            throw new ShapeError(what + " expects " + inputs() + " input" + (inputs() == 1 ? "" : "s")
                    + " per example, got " + x.cols() + " (x has shape " + x.shapeString() + ")");
        }
        if (x.rows() == 0) {
            throw new ShapeError(what + " needs at least one example, got an empty batch " + x.shapeString());
        }
        Checks.finite(what, "x", x);
    }

    /** Until the whole pass is done, there are no gradients to step on (a backward may stop or throw half-way). */
    private void forgetGrads() {
        hasGrads = false;
        gradsFresh = false;
        inputGrad.forget();
    }

    /**
     * A network is not re-entrant: a call made while another of its calls runs (from a custom activation's
     * f or df, which runs inside forward and backward) would overwrite the caches that call is using.
     */
    private void enter(String what) {
        if (running != null) {
            throw new ValueError("net." + what + " was called while this network's " + running + " is still running"
                    + " (from inside an activation's f or df?); an activation must compute from its arguments alone,"
                    + " without using a network");
        }
        running = what;
    }

    private void checkForwardFresh(String what, String call) {
        if (!hasForward) {
            throw new StaleForwardError(what + " needs a forward pass first: call net.forward(x), then " + call);
        }
        int changed = firstChangedSinceForward();
        if (changed >= 0) {
            throw new StaleForwardError(paramArray[changed].name() + " changed after the forward pass (a step, an"
                    + " optimizer or a write), so " + what + " would mix old activations with new weights; run"
                    + " net.forward(x) again before " + call);
        }
    }

    /**
     * A script's activation runs its df inside backward: a weight it wrote (W.set, a live view) would mix new
     * weights into gradients of the old forward, so the gradients are dropped and the error says why.
     */
    private void checkUnchangedDuring(String what) {
        int changed = hasCustom ? firstChangedSinceForward() : -1;
        if (changed >= 0) {
            forgetGrads();
            throw new StaleForwardError(paramArray[changed].name() + " changed during " + what + " (from inside an"
                    + " activation's df?), so its gradients would mix old and new weights; they were dropped. An"
                    + " activation must compute from its arguments alone; run net.forward(x) and " + what + " again");
        }
    }

    private void checkGradsFresh(boolean reuse) {
        if (!hasGrads) {
            throw new StaleGradientError("step needs gradients: call net.forward(x) and net.backward(y) first");
        }
        if (!gradsFresh && !reuse) {
            throw new StaleGradientError("these gradients were already used by a step (or cleared by zeroGrad); run"
                    + " net.forward(x) and net.backward(y) again, or pass { reuse: true } to step on them on purpose");
        }
    }

    private void ensureBackwardSpace(int batch) {
        Dense top = layers.get(layers.size() - 1);
        if (outputGrad == null || outputGrad.rows() != batch) {
            outputGrad = Matrix.zeros(batch, top.outputs());
            gradA = new Matrix[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                Dense d = layers.get(l);
                d.delta = Matrix.zeros(batch, d.outputs());
                gradA[l] = Matrix.zeros(batch, d.outputs());
            }
        }
    }

    /**
     * ∂L/∂x = scale·δ₁·W1 of the latest backward, computed only when read (a training loop that never
     * reads it pays nothing but, at each step before a read, one copy of W1: the step changes W1, and
     * ∂L/∂x belongs to the weights the backward used).
     */
    private static final class InputGrad {
        private Dense first;
        private Matrix delta;
        private double scale;
        private long w1Stamp;
        private long w1Version;
        private Matrix value;
        private boolean computed;
        private Matrix keptW1;
        private boolean kept;

        void forget() {
            delta = null;
        }

        void remember(Dense layer1, double s, long stamp) {
            first = layer1;
            delta = layer1.delta;
            scale = s;
            w1Stamp = stamp;
            w1Version = layer1.W().version();
            computed = false;
            kept = false;
        }

        /** Before a step: keeps W1 as the backward saw it, unless ∂L/∂x was already read. */
        void keepW1() {
            if (delta == null || computed || kept || !first.W().trainable() || first.W().version() != w1Version) {
                return;
            }
            Matrix w = first.W().value();
            if (keptW1 == null || keptW1.rows() != w.rows() || keptW1.cols() != w.cols()) {
                keptW1 = Matrix.zeros(w.rows(), w.cols());
            }
            keptW1.copyFrom(w);
            kept = true;
        }

        Matrix read() {
            if (delta == null) {
                return null;
            }
            if (!computed) {
                Matrix w;
                if (kept) {
                    w = keptW1;
                } else if (first.W().stamp() == w1Stamp) {
                    w = first.W().value();
                } else {
                    throw new StaleGradientError("W1 was changed by a write after the latest backward, so ∂L/∂x of that"
                            + " backward can no longer be computed; read net.inputGrad right after backward (or"
                            + " backwardFrom), before writing to the weights");
                }
                if (value == null || value.rows() != delta.rows() || value.cols() != w.cols()) {
                    value = Matrix.zeros(delta.rows(), w.cols());
                }
                Kernels.backprop(delta, w, value); // ∂L/∂x = δ₁·W1, row by row
                if (scale != 1.0) {
                    for (int k = 0, n = value.size(); k < n; k++) {
                        value.put(k, value.at(k) * scale); // the batch mean's 1/B, as for ∂L/∂p
                    }
                }
                computed = true;
            }
            return value;
        }
    }

    /** Per-layer z and a for one batch size, used by predict and loss. */
    private final class Workspace {
        final int batch;
        final Matrix[] z;
        final Matrix[] a;

        Workspace(int batch) {
            this.batch = batch;
            z = new Matrix[layers.size()];
            a = new Matrix[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                z[l] = Matrix.zeros(batch, layers.get(l).outputs());
                a[l] = Matrix.zeros(batch, layers.get(l).outputs());
            }
        }
    }
}
