package dev.backprop.script.js;

import dev.backprop.nn.GradNorm;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.io.NetworkJson;
import dev.backprop.nn.GradCheck;
import dev.backprop.nn.GradDiagnosis;
import dev.backprop.nn.LayerStats;
import dev.backprop.train.FitOptions;
import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * What scripts reach of a {@link Network}. Inputs and targets cross the boundary in one piece: one
 * example of up to {@link #SMALL} numbers as plain arguments of one call ({@link #forwardSmall},
 * {@link #backwardSmall}); anything larger is written by the prelude into staging matrices through
 * live Float64Array views ({@link #stageInput}, {@link #stageTargets}) before one call; outputs are
 * read the same way from the network's own output cache. No per-element host calls, no numerics here.
 */
public final class NetworkFacade {
    /** Most numbers of one example that {@link #forwardSmall} and {@link #backwardSmall} take (the prelude reads it: Host.smallExample). */
    static final int SMALL = 4;

    private final Network net;
    private final Host host;
    private final List<LayerFacade> layers = new ArrayList<>();
    private Matrix stagedX;
    private Matrix stagedY;
    private Matrix smallX;
    private Matrix smallY;
    private Matrix output;
    private int outputGeneration;

    NetworkFacade(Network net, Host host) {
        this.net = net;
        this.host = host;
        for (var d : net.layers()) {
            layers.add(new LayerFacade(d));
        }
    }

    /** The engine's network: the same object Java and scripts share. */
    public Network network() {
        return net;
    }

    @Export
    public int inputs() {
        return net.inputs();
    }

    @Export
    public int outputs() {
        return net.outputs();
    }

    @Export
    public int layerCount() {
        return layers.size();
    }

    /** Layer by 0-based position (the prelude's {@code net.layers[i]}). */
    @Export
    public LayerFacade layer(int i) {
        return layers.get(i);
    }

    /** A fresh [rows, cols] staging matrix for inputs; the prelude keeps a view on it while the shape stays. */
    @Export
    public ByteBuffer stageInput(int rows, int cols) {
        host.checkElements("an input batch", rows, cols);
        stagedX = Matrix.zeros(rows, cols);
        return stagedX.bytes();
    }

    /** A fresh [rows, cols] staging matrix for targets. */
    @Export
    public ByteBuffer stageTargets(int rows, int cols) {
        host.checkElements("a target batch", rows, cols);
        stagedY = Matrix.zeros(rows, cols);
        return stagedY.bytes();
    }

    /** Forward on the staged inputs; returns a number that changes whenever the output cache moved. */
    @Export
    public int forward() {
        return remember(net.forward(stagedX));
    }

    /**
     * Forward on one example of {@code n} ≤ {@link #SMALL} inputs given as numbers (x0 … x[n−1]; the rest
     * are ignored); returns output 0 (the others through {@link #outputBytes} at {@link #outputGeneration}).
     */
    @Export
    public double forwardSmall(int n, double x0, double x1, double x2, double x3) {
        Matrix x = smallX;
        if (x == null || x.cols() != n) {
            x = small(n, "an input batch");
            smallX = x;
        }
        put(x, n, x0, x1, x2, x3);
        Matrix out = net.forward(x);
        remember(out);
        return out.at(0);
    }

    /** Backward against the targets of one example, {@code n} ≤ {@link #SMALL} numbers; returns the loss. */
    @Export
    public double backwardSmall(int n, double y0, double y1, double y2, double y3, boolean accumulate) {
        Matrix y = smallY;
        if (y == null || y.cols() != n) {
            y = small(n, "a target batch");
            smallY = y;
        }
        put(y, n, y0, y1, y2, y3);
        return net.backward(y, accumulate);
    }

    /** Changes whenever the output cache moved (read it again through {@link #outputBytes}). */
    @Export
    public int outputGeneration() {
        return outputGeneration;
    }

    @Export
    public int forwardMatrix(MatrixFacade x) {
        return remember(net.forward(x.matrix()));
    }

    /** The output cache of the last forward (valid while {@link #forward} returns the same generation). */
    @Export
    public ByteBuffer outputBytes() {
        return output.bytes();
    }

    @Export
    public int outputRows() {
        return output.rows();
    }

    @Export
    public MatrixFacade outputCopy() {
        return new MatrixFacade(output.copy());
    }

    /** Rows of the last training forward's batch, 0 before any. */
    @Export
    public int batch() {
        Matrix in = net.lastInput();
        return in == null ? 0 : in.rows();
    }

    @Export
    public double backward(boolean accumulate) {
        return net.backward(stagedY, accumulate);
    }

    @Export
    public double backwardMatrix(MatrixFacade y, boolean accumulate) {
        return net.backward(y.matrix(), accumulate);
    }

    /** {@code net.backwardFrom(grad)} with ∂L/∂ŷ staged like targets. */
    @Export
    public void backwardFrom(boolean accumulate) {
        net.backwardFrom(stagedY, accumulate);
    }

    @Export
    public void backwardFromMatrix(MatrixFacade grad, boolean accumulate) {
        net.backwardFrom(grad.matrix(), accumulate);
    }

    /** ∂L/∂x of the latest backward or backwardFrom, a copy (the script may keep or edit it), or null before any. */
    @Export
    public MatrixFacade inputGrad() {
        Matrix g = net.inputGrad();
        return g == null ? null : new MatrixFacade(g.copy());
    }

    @Export
    public void step(double lr, boolean reuse) {
        net.step(lr, reuse);
    }

    @Export
    public void stepWith(OptimizerFacade optimizer, boolean reuse) {
        net.step(optimizer.optimizer(), reuse);
    }

    @Export
    public MatrixFacade predict() {
        return new MatrixFacade(net.predict(stagedX));
    }

    @Export
    public MatrixFacade predictMatrix(MatrixFacade x) {
        return new MatrixFacade(net.predict(x.matrix()));
    }

    @Export
    public double loss() {
        return net.loss(stagedX, stagedY);
    }

    @Export
    public double lossMatrix(MatrixFacade x, MatrixFacade y) {
        return net.loss(x.matrix(), y.matrix());
    }

    @Export
    public void zeroGrad() {
        net.zeroGrad();
    }

    /** [layer, ‖∂L/∂W‖, ‖∂L/∂b‖] per layer, flat. */
    @Export
    public double[] gradNorms() {
        List<GradNorm> norms = net.gradNorms();
        double[] out = new double[norms.size() * 3];
        for (int i = 0; i < norms.size(); i++) {
            out[3 * i] = norms.get(i).layer();
            out[3 * i + 1] = norms.get(i).W();
            out[3 * i + 2] = norms.get(i).b();
        }
        return out;
    }

    /** The JSON network document as text ({@code net.toJSON()} parses it into a plain object). */
    @Export
    public String toJson() {
        return NetworkJson.toJson(net);
    }

    /** Saves atomically to a path inside the write root. */
    @Export
    public void save(String path) throws IOException {
        host.save(host.writePath(path), out -> NetworkJson.write(net, out));
    }

    /** {@code net.gradCheck(x, y, { eps })} as JSON: { maxRelError, params: { W1: rel, … } }. */
    @Export
    public String gradCheck(MatrixFacade x, MatrixFacade y, double eps) {
        GradCheck c = net.gradCheck(x.matrix(), y.matrix(), eps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxRelError", c.maxRelError());
        out.put("params", c.params());
        return Json.write(out);
    }

    /**
     * {@code net.checkGrads(mine, { tol, lr })}: mine is JSON { W1: [flat values], … }; the answer is JSON
     * { ok, W1: { status, message, index }, … }.
     */
    @Export
    public String checkGrads(String mineJson, double tol, Value lr) {
        Map<String, double[]> mine = Json.readArrays(mineJson);
        GradDiagnosis d = net.checkGrads(mine, tol, lr == null || lr.isNull() ? null : lr.asDouble());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", d.ok());
        d.params().forEach((name, v) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", v.status().scriptName());
            e.put("message", v.message());
            e.put("index", v.index());
            out.put(name, e);
        });
        return Json.write(out);
    }

    /** {@code net.stats()} as JSON, one object per layer. */
    @Export
    public String stats() {
        List<LayerStats> stats = net.stats();
        return Json.write(stats);
    }

    /**
     * {@code net.fit(data, options)}; exactly one of lr and optimizer. onEpoch (a JS function taking
     * epoch, loss, accuracy, valLoss, valAccuracy and returning false to stop) may be null. Between
     * batches fit checks whether the sandbox asked to stop, so an interrupt never splits a step.
     * Returns the history as JSON { loss, accuracy, valLoss, valAccuracy }.
     */
    @Export
    public String fit(DataFacade data, int epochs, int batchSize, Value lr, OptimizerFacade optimizer, boolean shuffle,
                      long seed, DataFacade validation, Value onEpoch) {
        FitOptions o = FitOptions.defaults().epochs(epochs).batchSize(batchSize).shuffle(shuffle).seed(seed);
        if (lr != null && !lr.isNull()) {
            o = o.lr(lr.asDouble());
        }
        if (optimizer != null) {
            o = o.optimizer(optimizer.optimizer());
        }
        if (validation != null) {
            o = o.validation(validation.dataset());
        }
        if (onEpoch != null && !onEpoch.isNull()) {
            o = o.onEpoch(s -> host.callBack(onEpoch, s.epoch(), s.loss(), s.accuracy(), s.valLoss(), s.valAccuracy())
                    .asBoolean());
        }
        Progress progress = new Progress(host);
        o = o.onBatch(progress::afterBatch);
        History h;
        try {
            h = Trainer.fit(net, data.dataset(), o);
        } finally {
            progress.done();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loss", h.loss());
        out.put("accuracy", h.accuracy());
        out.put("valLoss", h.valLoss());
        out.put("valAccuracy", h.valAccuracy());
        return Json.write(out);
    }

    @Export
    public String summary() {
        return net.summary();
    }

    @Export
    public NetworkFacade copy() {
        return new NetworkFacade(net.copy(), host);
    }

    @Export
    @Override
    public String toString() {
        return net.toString();
    }

    private Matrix small(int n, String what) {
        if (n < 1 || n > SMALL) {
            throw new IllegalArgumentException("one example crosses as 1 to " + SMALL + " numbers, got " + n);
        }
        host.checkElements(what, 1, n);
        return Matrix.zeros(1, n);
    }

    private static void put(Matrix m, int n, double v0, double v1, double v2, double v3) {
        m.put(0, v0);
        if (n > 1) {
            m.put(1, v1);
            if (n > 2) {
                m.put(2, v2);
                if (n > 3) {
                    m.put(3, v3);
                }
            }
        }
    }

    private int remember(Matrix out) {
        if (out != output) {
            output = out;
            outputGeneration++;
        }
        return outputGeneration;
    }
}
