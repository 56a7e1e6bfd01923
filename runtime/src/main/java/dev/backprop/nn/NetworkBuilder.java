package dev.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Network} from layer sizes and the options of {@code nn.net(sizes, options)}:
 * hidden activation(s), output activation, loss, init and seed. The size is checked against
 * {@link #maxElements} before anything is allocated.
 */
public final class NetworkBuilder {
    /** Default cap on the number of parameters, for a network built outside a sandbox. */
    public static final long DEFAULT_MAX_ELEMENTS = 50_000_000L;

    private final int[] sizes;
    private List<String> hidden = List.of("sigmoid");
    private String output;
    private String loss = "squared";
    private String init;
    private long seed = 0;
    private boolean seedKnown = true;
    private long maxElements = DEFAULT_MAX_ELEMENTS;

    NetworkBuilder(int[] sizes) {
        this.sizes = sizes.clone();
    }

    /** One activation for every hidden layer (and the output, unless {@link #output} is set). */
    public NetworkBuilder activation(String name) {
        this.hidden = List.of(name);
        return this;
    }

    /** One activation per hidden layer. */
    public NetworkBuilder activations(List<String> names) {
        this.hidden = List.copyOf(names);
        return this;
    }

    public NetworkBuilder output(String name) {
        this.output = name;
        return this;
    }

    public NetworkBuilder loss(String name) {
        this.loss = name;
        return this;
    }

    public NetworkBuilder init(String name) {
        this.init = name;
        return this;
    }

    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        this.seedKnown = true;
        return this;
    }

    /**
     * The seed {@link Network#seed()} reports; {@code null} when the weights will be set by hand after
     * {@code build()} (any draws then use seed 0, and {@code seed()} answers null).
     */
    public NetworkBuilder seed(Long seed) {
        this.seed = seed == null ? 0 : seed;
        this.seedKnown = seed != null;
        return this;
    }

    /** The largest parameter count allowed; a larger network is a LimitError before allocation. */
    public NetworkBuilder maxElements(long max) {
        this.maxElements = max;
        return this;
    }

    public Network build() {
        if (sizes.length < 2) {
            throw new ShapeError("a network needs at least two sizes (inputs and outputs), like [2, 2, 1]; got "
                    + Arrays.toString(sizes));
        }
        long count = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new ShapeError("layer sizes must be at least 1; sizes[" + i + "] is " + sizes[i]);
            }
            if (i > 0) {
                count += (long) sizes[i - 1] * sizes[i] + sizes[i];
            }
        }
        for (int i = 1; i < sizes.length; i++) {
            long layerCount = (long) sizes[i - 1] * sizes[i];
            if (layerCount > maxElements || count > maxElements) {
                throw new LimitError("a network of sizes " + Arrays.toString(sizes) + " has " + count
                        + " parameters (" + sizes[i - 1] + "×" + sizes[i] + " = " + layerCount
                        + " in one layer); the limit is " + maxElements
                        + " elements (raise it with --max-elements or the sandbox's maxElements)");
            }
        }
        int layerCount = sizes.length - 1;
        List<Activation> acts = new ArrayList<>();
        if (hidden.size() != 1 && hidden.size() != layerCount - 1) {
            throw new ValueError("activation lists need one name per hidden layer: " + (layerCount - 1)
                    + " for sizes " + Arrays.toString(sizes) + ", got " + hidden.size());
        }
        for (int l = 0; l < layerCount - 1; l++) {
            Activation a = Activation.named(hidden.size() == 1 ? hidden.get(0) : hidden.get(l));
            if (a instanceof Softmax) {
                throw new ValueError("'softmax' can only be the output activation; hidden layers need an element-wise"
                        + " one such as 'relu' or 'sigmoid'");
            }
            acts.add(a);
        }
        String outName = output != null ? output : (hidden.size() == 1 ? hidden.get(0) : "sigmoid");
        acts.add(Activation.named(outName));
        Loss lossFn = Loss.named(loss);
        Init initFn = init != null ? Init.named(init) : defaultInit(acts.get(0));
        List<Dense> layers = new ArrayList<>();
        Rng rng = new Rng(seed);
        for (int l = 0; l < layerCount; l++) {
            Dense d = new Dense(l + 1, sizes[l], sizes[l + 1], acts.get(l));
            initFn.fill(d.W().value(), rng);
            layers.add(d);
        }
        return new Network(layers, lossFn, seedKnown ? seed : null);
    }

    private static Init defaultInit(Activation first) {
        return first instanceof Relu || first instanceof LeakyRelu ? Init.HE : Init.XAVIER;
    }
}
