package dev.backprop.script.js;

import dev.backprop.explain.Walkthrough;
import dev.backprop.io.NetworkJson;
import dev.backprop.io.OpenedFile;
import dev.backprop.kernel.Kernels;
import java.io.IOException;
import dev.backprop.nn.Custom;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.NetworkBuilder;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import dev.backprop.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/**
 * The host side of the {@code nn} namespace: builds networks, matrices and optimizers for the
 * prelude, which has already turned the script's options into plain values.
 */
public final class NnFacade {
    private final Host host;
    private long sessionSeed;
    private long unseededNets;
    /** The activations scripts defined with nn.activation, by name (sorted, so messages list them in order). */
    private final java.util.TreeMap<String, Custom> activations = new java.util.TreeMap<>();
    private final ScriptActivation.Guard activationGuard = new ScriptActivation.Guard();

    NnFacade(Host host) {
        this.host = host;
    }

    /**
     * {@code nn.net(sizes, options)}. {@code activation} is a name or an array of names (one per hidden
     * layer); {@code output}, {@code init} and {@code seed} may be null for their defaults. Without a seed
     * the session's seed is used for the first such network, then seed + 1, and so on.
     */
    @Export
    public NetworkFacade net(Value sizes, Value activation, String output, String loss, String init, Value seed) {
        int[] s = new int[(int) sizes.getArraySize()];
        for (int i = 0; i < s.length; i++) {
            s[i] = sizes.getArrayElement(i).asInt();
        }
        NetworkBuilder b = Network.builder(s)
                .maxElements(limit());
        if (activation.isNull()) {
            // the builder's default
        } else if (activation.hasArrayElements()) {
            List<String> names = new ArrayList<>();
            for (long i = 0; i < activation.getArraySize(); i++) {
                names.add(activation.getArrayElement(i).asString());
            }
            b.activations(names);
        } else {
            b.activation(activation.asString());
        }
        if (output != null) {
            b.output(output);
        }
        b.customActivations(activations);
        if (loss != null) {
            b.loss(loss);
        }
        if (init != null) {
            b.init(init);
        }
        b.seed(seed.isNull() ? sessionSeed + unseededNets : seed.asLong());
        // build checks the element limit first; every matrix it makes is charged to this sandbox's account
        NetworkFacade made = new NetworkFacade(b.build(), host);
        if (seed.isNull()) {
            unseededNets++; // only a network actually made takes a seed of the sequence: a call that throws leaves it
        }
        return made;
    }

    /** 'sigmoid', 'tanh', … or 'identity': the activations a hidden layer may use, for messages. */
    @Export
    public String hiddenActivationNames() {
        return dev.backprop.nn.Activation.hiddenNamesListed();
    }

    @Export
    public NetworkFacade toy(boolean trainBiases) {
        return new NetworkFacade(Network.toy(trainBiases), host);
    }

    /** Wraps a network Java put into the sandbox. */
    public NetworkFacade wrap(Network net) {
        return new NetworkFacade(net, host);
    }

    /** {@code nn.fromJSON(text)}: a network from the JSON document, within the element limit. */
    @Export
    public NetworkFacade fromJson(String text) {
        Network n = NetworkJson.fromJson(text, limit(), activations);
        return new NetworkFacade(n, host);
    }

    /** {@code nn.load(path)}: a network file inside the read roots. */
    @Export
    public NetworkFacade load(String path) throws IOException {
        Network n;
        try (OpenedFile file = host.openRead(path)) {
            n = NetworkJson.load(file, limit(), activations);
        }
        return new NetworkFacade(n, host);
    }

    /**
     * {@code nn.activation(name, { f, df })}: the prelude checked the functions and wraps them into two
     * per-layer loops, {@code forward(zBytes, aBytes, n)} and {@code backward(zBytes, aBytes, gradABytes,
     * gradZBytes, n)}. A built-in name or one already defined is a ValueError.
     */
    @Export
    public void defineActivation(String name, Value forward, Value backward) {
        if (activations.containsKey(name)) {
            throw new ValueError("activation '" + name + "' is already defined in this sandbox (networks may be using"
                    + " it); give the new one another name");
        }
        activations.put(name, new Custom(name, new ScriptActivation(name, forward, backward, activationGuard, host)));
    }

    private long limit() {
        return host.elementLimit();
    }

    @Export
    public MatrixFacade matrix(int rows, int cols) {
        host.checkElements("a matrix", rows, cols);
        return new MatrixFacade(Matrix.zeros(rows, cols));
    }

    /** {@code nn.explain(net, x, y, { lr })}: one step walked through on a copy of the network. */
    @Export
    public WalkthroughFacade explain(NetworkFacade net, MatrixFacade x, MatrixFacade y, double lr) {
        return new WalkthroughFacade(Walkthrough.of(net.network(), x.matrix(), y.matrix(), lr));
    }

    /**
     * The optimizers there are ({@link Optimizer#kinds()}) as JSON, from which the prelude makes {@code nn.<name>}
     * and the display: {@code [{ name, title, settings: [{ name, defaultValue (null: required), meaning, example }] }]}.
     */
    @Export
    public String optimizerKinds() {
        return OPTIMIZER_KINDS;
    }

    // Written by hand, once per JVM: start-up reads it in every sandbox (no serializer to build for it).
    private static final String OPTIMIZER_KINDS = optimizerKindsJson();

    private static String optimizerKindsJson() {
        StringBuilder sb = new StringBuilder("[");
        for (Optimizer.Kind k : Optimizer.kinds()) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"name\":").append(quoted(k.name())).append(",\"title\":")
                    .append(quoted(k.title())).append(",\"settings\":[");
            for (int i = 0; i < k.settings().size(); i++) {
                Optimizer.Setting s = k.settings().get(i);
                sb.append(i > 0 ? "," : "").append("{\"name\":").append(quoted(s.name())).append(",\"defaultValue\":")
                        .append(s.defaultValue() == null ? "null" : Double.toString(s.defaultValue()))
                        .append(",\"meaning\":").append(quoted(s.meaning())).append(",\"example\":")
                        .append(Double.toString(s.example())).append('}');
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code nn.<name>(options)}: the rule {@code name} with its settings' values, in the order optimizerKinds lists them. */
    @Export
    public OptimizerFacade optimizer(String name, Value values) {
        double[] v = new double[(int) values.getArraySize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.getArrayElement(i).asDouble();
        }
        return new OptimizerFacade(Optimizer.kind(name).make(v));
    }

    @Export
    public long seed() {
        return sessionSeed;
    }

    /** {@code nn.seed(n)}: restarts the session's seed sequence at n. */
    @Export
    public void setSeed(long seed) {
        sessionSeed = seed;
        unseededNets = 0;
    }

    /** y ← y + alpha·x over two live views of equal size (a parameter, its gradient, a matrix). */
    @Export
    public void axpy(double alpha, MatrixFacade x, MatrixFacade y) {
        if (x.size() != y.size()) {
            throw new ShapeError("axpy needs x and y of the same size, got " + x.size() + " and " + y.size());
        }
        Kernels.axpy(alpha, x.matrix().data(), y.matrix().data(), x.size());
    }
}
