package dev.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Network} from layer sizes and the options of {@code nn.net(sizes, options)}:
 * hidden activation(s), output activation, loss, init and seed. The size is checked against
 * {@link #maxElements} before anything is allocated. Defaults: one activation name applies to every
 * hidden layer and the output; a list needs exactly one name per hidden layer and leaves the output
 * at 'sigmoid'. Without an init, each hidden layer gets 'he' for relu/leakyRelu, else 'xavier', and
 * the output layer the same as the last hidden layer (its own activation's when there is none).
 */
public final class NetworkBuilder {
    /** Default cap on the number of parameters, for a network built outside a sandbox. */
    public static final long DEFAULT_MAX_ELEMENTS = 50_000_000L;

    private final int[] sizes;
    private List<String> hidden = List.of(Sigmoid.INSTANCE.name());
    private boolean perLayer;
    private String output;
    private String loss = Squared.INSTANCE.name();
    private String init;
    private long seed = 0;
    private boolean seedKnown = true;
    private long maxElements = DEFAULT_MAX_ELEMENTS;
    private java.util.Map<String, Custom> custom = java.util.Map.of();

    NetworkBuilder(int[] sizes) {
        this.sizes = sizes.clone();
    }

    /** One activation for every hidden layer (and the output, unless {@link #output} is set). */
    public NetworkBuilder activation(String name) {
        this.hidden = List.of(name);
        this.perLayer = false;
        return this;
    }

    /**
     * Exactly one activation per hidden layer (a list of another length is a ValueError at build; a
     * one-element list is not broadcast). The output then defaults to 'sigmoid', the lesson's, unless
     * {@link #output} is set.
     */
    public NetworkBuilder activations(List<String> names) {
        this.hidden = List.copyOf(names);
        this.perLayer = true;
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

    /** Activations defined outside the engine (name → activation), usable by name beside the built-in ones. */
    public NetworkBuilder customActivations(java.util.Map<String, Custom> custom) {
        this.custom = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(custom)); // sorted: messages list them in order
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
                        + " elements (raise it with --max-elements N, or SandboxBuilder.maxElements in Java)");
            }
        }
        int layerCount = sizes.length - 1;
        List<Activation> acts = new ArrayList<>();
        if (perLayer && hidden.size() != layerCount - 1) {
            throw new ValueError("an activation list needs exactly one name per hidden layer: " + (layerCount - 1)
                    + " for sizes " + Arrays.toString(sizes) + ", got " + hidden.size() + " " + hidden
                    + "; give one name per hidden layer, or a single name (not a list) for all of them");
        }
        for (int l = 0; l < layerCount - 1; l++) {
            Activation a = Activation.named(perLayer ? hidden.get(l) : hidden.get(0), custom);
            if (!a.hiddenAllowed()) {
                throw new ValueError("'" + a.name() + "' can only be the output activation; hidden layers need an"
                        + " element-wise one: " + Activation.hiddenNamesListed());
            }
            acts.add(a);
        }
        String outName = output != null ? output : (perLayer ? Sigmoid.INSTANCE.name() : hidden.get(0));
        acts.add(Activation.named(outName, custom));
        Loss lossFn = Loss.named(loss);
        List<Dense> layers = new ArrayList<>();
        Rng rng = new Rng(seed);
        for (int l = 0; l < layerCount; l++) {
            Dense d = new Dense(l + 1, sizes[l], sizes[l + 1], acts.get(l));
            // without an init: per hidden layer by its activation; the output layer as the last hidden one
            // (or by its own activation when there is no hidden layer), so one name gives the same init everywhere
            int by = Math.min(l, Math.max(0, layerCount - 2));
            Init initFn = init != null ? Init.named(init) : defaultInit(acts.get(by));
            initFn.fill(d.W().value(), rng);
            layers.add(d);
        }
        return new Network(layers, lossFn, seedKnown ? seed : null);
    }

    /** The activation's own default ('he' for the ReLU family, else 'xavier'). */
    private static Init defaultInit(Activation a) {
        return a.defaultInit();
    }
}
