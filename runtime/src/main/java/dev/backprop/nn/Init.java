package dev.backprop.nn;

/** How a layer's weights start; biases start at zero. Every draw comes from the seeded {@link Rng}. */
public enum Init {
    /** Glorot/Xavier uniform: U(−√(6/(in+out)), √(6/(in+out))). */
    XAVIER("xavier"),
    /** He (Kaiming) uniform for ReLU: U(−√(6/in), √(6/in)). */
    HE("he"),
    /** PyTorch's nn.Linear default: U(−1/√in, 1/√in). */
    UNIFORM("uniform"),
    /** All zeros (every unit in a layer then learns the same thing: a lesson in symmetry). */
    ZEROS("zeros");

    private final String scriptName;

    Init(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The name scripts use. */
    public String scriptName() {
        return scriptName;
    }

    /** The initialiser with this name. */
    public static Init named(String name) {
        for (Init i : values()) {
            if (i.scriptName.equals(name)) {
                return i;
            }
        }
        throw new ValueError("unknown init '" + name + "'; use 'xavier', 'he', 'uniform' or 'zeros'");
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
