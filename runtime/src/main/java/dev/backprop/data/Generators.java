package dev.backprop.data;

import dev.backprop.nn.Checks;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import dev.backprop.nn.ValueError;
import java.util.List;

/**
 * Seeded 2-D classification sets with labels 0/1, bit-identical on every machine ({@link Rng},
 * {@link StrictMath}). circle, spiral and gaussian follow TensorFlow Playground's generators
 * (dataset.ts; its label −1 is our 0) with coordinates scaled by 1/5 so points lie in about
 * [−1.2, 1.2]; moons follows scikit-learn's make_moons. Each generator shuffles its points with the
 * same random stream, so classes are mixed in the order given.
 */
public final class Generators {
    /** Default number of points for scripts that give none. */
    public static final int DEFAULT_N = 200;
    /** Default noise (the Playground's default too). */
    public static final double DEFAULT_NOISE = 0.0;
    /** Playground's coordinates span about ±6; we scale them into about ±1.2. */
    static final double SCALE = 0.2;
    private static final List<String> XY = List.of("x1", "x2");

    private Generators() {
    }

    /** The four XOR examples: [0,0]→0, [0,1]→1, [1,0]→1, [1,1]→0. */
    public static Dataset xor() {
        Matrix x = Matrix.of(4, 2, 0, 0, 0, 1, 1, 0, 1, 1);
        Matrix y = Matrix.of(4, 1, 0, 1, 1, 0);
        return new Dataset(x, y, 2, List.of(), XY);
    }

    /**
     * Playground's circle: n/2 points inside radius 0.5 (label 1), n − n/2 in the ring 0.7–1.0
     * (label 0), radius and angle uniform. As in the Playground, noise moves the point used for the
     * label by uniform(−1, 1)·noise per axis, so with noise some labels cross the gap.
     */
    public static Dataset circle(int n, double noise, long seed) {
        check("circle", n, noise);
        Rng rng = new Rng(seed);
        double radius = 5;
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            dev.backprop.nn.Account.checkStopAt(i);
            boolean inside = i < n / 2;
            double r = inside ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
            double angle = rng.uniform(0, 2 * StrictMath.PI);
            double px = r * StrictMath.sin(angle);
            double py = r * StrictMath.cos(angle);
            double noiseX = rng.uniform(-radius, radius) * noise;
            double noiseY = rng.uniform(-radius, radius) * noise;
            double nx = px + noiseX;
            double ny = py + noiseY;
            // label: inside radius/2 of the centre, measured at the noisy point
            ys[i] = StrictMath.sqrt(nx * nx + ny * ny) < radius * 0.5 ? 1 : 0;
            xs[2 * i] = px * SCALE;
            xs[2 * i + 1] = py * SCALE;
        }
        return shuffled(xs, ys, rng);
    }

    /**
     * Playground's two-arm spiral: the arm of label 1 (n/2 points) and the arm of label 0 (the rest,
     * turned by π) each have points i = 0…m−1 at radius r = i/m and angle t = 1.75·2π·i/m (+ π), at
     * (r·sin t, r·cos t), plus uniform(−1, 1)·noise/5 per axis.
     */
    public static Dataset spiral(int n, double noise, long seed) {
        check("spiral", n, noise);
        Rng rng = new Rng(seed);
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        int first = n / 2;
        int k = 0;
        for (int arm = 0; arm < 2; arm++) {
            int m = arm == 0 ? first : n - first;
            double shift = arm == 0 ? 0 : StrictMath.PI;
            for (int i = 0; i < m; i++, k++) {
                double r = (double) i / m * 5;
                double t = 1.75 * i / m * 2 * StrictMath.PI + shift;
                double px = r * StrictMath.sin(t) + rng.uniform(-1, 1) * noise;
                double py = r * StrictMath.cos(t) + rng.uniform(-1, 1) * noise;
                xs[2 * k] = px * SCALE;
                xs[2 * k + 1] = py * SCALE;
                ys[k] = arm == 0 ? 1 : 0;
            }
        }
        return shuffled(xs, ys, rng);
    }

    /**
     * Playground's two Gaussians: n/2 points around (0.4, 0.4) with label 1 and the rest around
     * (−0.4, −0.4) with label 0; variance (0.5 + 7·noise)/25 per axis (Playground maps noise 0…0.5
     * to variance 0.5…4 in its units).
     */
    public static Dataset gaussian(int n, double noise, long seed) {
        check("gaussian", n, noise);
        Rng rng = new Rng(seed);
        double std = StrictMath.sqrt(0.5 + 7 * noise);
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            dev.backprop.nn.Account.checkStopAt(i);
            boolean positive = i < n / 2;
            double c = positive ? 2 : -2;
            xs[2 * i] = (c + std * rng.nextGaussian()) * SCALE;
            xs[2 * i + 1] = (c + std * rng.nextGaussian()) * SCALE;
            ys[i] = positive ? 1 : 0;
        }
        return shuffled(xs, ys, rng);
    }

    /**
     * scikit-learn's make_moons: n − n/2 points on the upper half circle (cos t, sin t), label 0, and
     * n/2 on the lower one (1 − cos t, 0.5 − sin t), label 1, t evenly spaced over [0, π]; then
     * Gaussian noise with standard deviation {@code noise} on both coordinates.
     */
    public static Dataset moons(int n, double noise, long seed) {
        check("moons", n, noise);
        Rng rng = new Rng(seed);
        int outer = n - n / 2;
        int inner = n / 2;
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            dev.backprop.nn.Account.checkStopAt(i);
            boolean isOuter = i < outer;
            int j = isOuter ? i : i - outer;
            int m = isOuter ? outer : inner;
            double t = m == 1 ? 0 : StrictMath.PI * j / (m - 1);
            double px = isOuter ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
            double py = isOuter ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
            xs[2 * i] = px;
            xs[2 * i + 1] = py;
            ys[i] = isOuter ? 0 : 1;
        }
        if (noise > 0) {
            for (int k = 0; k < xs.length; k++) {
                xs[k] += noise * rng.nextGaussian();
            }
        }
        return shuffled(xs, ys, rng);
    }

    private static void check(String what, int n, double noise) {
        if (n < 2) {
            throw new ValueError(what + " needs n ≥ 2 points (one per class at least), got n = " + n);
        }
        if (n > 10_000_000) {
            throw new ValueError(what + " makes at most 10000000 points, got n = " + n);
        }
        Checks.finite(what + " noise", noise);
        if (noise < 0) {
            throw new ValueError(what + " noise must be 0 or more, got " + noise);
        }
    }

    private static Dataset shuffled(double[] xs, double[] ys, Rng rng) {
        int n = ys.length;
        Matrix x = Matrix.of(n, 2, xs);
        Matrix y = Matrix.of(n, 1, ys);
        int[] order = rng.permutation(n);
        Matrix sx = Matrix.zeros(n, 2);
        Matrix sy = Matrix.zeros(n, 1);
        Dataset.copyRows(x, order, 0, n, sx);
        Dataset.copyRows(y, order, 0, n, sy);
        return new Dataset(sx, sy, 2, List.of(), XY);
    }
}
