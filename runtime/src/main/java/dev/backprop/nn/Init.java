package dev.backprop.nn;

/** How a layer's weights start; biases start at zero. Every draw comes from the seeded {@link Rng}. */
public enum Init {
    /** Glorot/Xavier uniform: U(−√(6/(in+out)), √(6/(in+out))). */
    XAVIER,
    /** He (Kaiming) uniform for ReLU: U(−√(6/in), √(6/in)). */
    HE,
    /** PyTorch's nn.Linear default: U(−1/√in, 1/√in). */
    UNIFORM,
    /** All zeros (every unit in a layer then learns the same thing: a lesson in symmetry). */
    ZEROS;

    /** The name scripts use: {@code 'xavier'}, {@code 'he'}, … (the constant's name in lower case). */
    public String scriptName() {
        return Family.name(this);
    }

    /** The initialiser with this name. */
    public static Init named(String name) {
        for (Init i : values()) {
            if (i.scriptName().equals(name)) {
                return i;
            }
        }
        throw new ValueError("unknown init '" + name + "'; use "
                + Family.quotedList(java.util.Arrays.stream(values()).map(Init::scriptName).toList()));
    }

    /** The half-width a of U(−a, a) for a layer with these fan-in and fan-out. */
    double bound(int in, int out) {
        return switch (this) {
            case XAVIER -> Math.sqrt(6.0 / (in + out));
            case HE -> Math.sqrt(6.0 / in);
            case UNIFORM -> 1.0 / Math.sqrt(in);
            case ZEROS -> 0.0;
        };
    }

    /** Fills W (row-major) from rng. */
    void fill(Matrix w, Rng rng) {
        double a = bound(w.cols(), w.rows());
        for (int k = 0, n = w.size(); k < n; k++) {
            w.put(k, this == ZEROS ? 0.0 : rng.uniform(-a, a));
        }
    }
}
