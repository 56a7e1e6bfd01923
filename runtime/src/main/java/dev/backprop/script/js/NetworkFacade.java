package dev.backprop.script.js;

import dev.backprop.nn.GradNorm;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * What scripts reach of a {@link Network}. Inputs and targets cross the boundary in one piece: the
 * prelude writes them into staging matrices through live Float64Array views ({@link #stageInput},
 * {@link #stageTargets}) and then makes one call; outputs are read the same way from the network's
 * own output cache. No per-element host calls, no numerics here.
 */
public final class NetworkFacade {
    private final Network net;
    private final Host host;
    private final List<LayerFacade> layers = new ArrayList<>();
    private Matrix stagedX;
    private Matrix stagedY;
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

    private int remember(Matrix out) {
        if (out != output) {
            output = out;
            outputGeneration++;
        }
        return outputGeneration;
    }
}
