package dev.backprop.bench;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * W2's data and start: Fashion-MNIST read from its IDX files (divided by 255), and the peers' shared
 * init (He-uniform W stored [in, out], zero biases, one permutation) from {@code W2_INIT_DIR}, so our
 * run starts from the very numbers and batch order PyTorch and numpy use.
 */
final class W2Data {
    static final int[] SIZES = {784, 128, 64, 10};

    final Matrix trainX;
    final int[] trainY;
    final Matrix testX;
    final int[] testY;

    private W2Data(Matrix trainX, int[] trainY, Matrix testX, int[] testY) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
    }

    static Path dataDir() {
        String d = System.getenv("FMNIST_DIR");
        return Path.of(d == null ? "/usr/share/datasets/fashion-mnist" : d);
    }

    static Path initDir() {
        String d = System.getenv("W2_INIT_DIR");
        return d != null ? Path.of(d) : Path.of(System.getProperty("java.io.tmpdir"), "peers", "w2init");
    }

    static W2Data load() throws IOException {
        Path dir = dataDir();
        return new W2Data(images(dir.resolve("train-images-idx3-ubyte.gz")), labels(dir.resolve("train-labels-idx1-ubyte.gz")),
                images(dir.resolve("t10k-images-idx3-ubyte.gz")), labels(dir.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    /** The W2 network with the shared init's weights (transposed to our [out, in]) and biases. */
    static Network network() throws IOException {
        Network net = Network.builder(SIZES).activation("relu").output("softmax").loss("crossEntropy").init("he").seed(0).build();
        Path dir = initDir();
        for (int l = 1; l <= 3; l++) {
            int in = SIZES[l - 1];
            int out = SIZES[l];
            double[] stored = doubles(dir.resolve("W" + l + ".f64"), in * out); // [in, out]
            double[] w = new double[in * out];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    w[o * in + i] = stored[i * out + o];
                }
            }
            net.layer(l).W().setAll(w);
            net.layer(l).b().setAll(doubles(dir.resolve("b" + l + ".f64"), out));
        }
        return net;
    }

    /** The epoch's batch order. */
    static int[] permutation() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(initDir().resolve("perm.i32"))).order(ByteOrder.LITTLE_ENDIAN);
        int[] p = new int[b.remaining() / 4];
        for (int i = 0; i < p.length; i++) {
            p[i] = b.getInt();
        }
        return p;
    }

    private static double[] doubles(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: run `python3 bench/peers/w2/fmnist.py` (it writes the"
                    + " shared W2 init), or set W2_INIT_DIR");
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != count * 8) {
            throw new IOException(file + " holds " + b.remaining() / 8 + " doubles, expected " + count);
        }
        double[] v = new double[count];
        b.asDoubleBuffer().get(v);
        return v;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static Matrix images(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(gunzip(file));
        if (b.getInt() != 0x0803) {
            throw new IOException(file + " is not an IDX image file (magic 0x00000803)");
        }
        int n = b.getInt();
        int pixels = b.getInt() * b.getInt();
        Matrix m = Matrix.zeros(n, pixels);
        for (int k = 0; k < n * pixels; k++) {
            m.put(k, (b.get() & 0xFF) / 255.0);
        }
        return m;
    }

    private static int[] labels(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(gunzip(file));
        if (b.getInt() != 0x0801) {
            throw new IOException(file + " is not an IDX label file (magic 0x00000801)");
        }
        int[] y = new int[b.getInt()];
        for (int i = 0; i < y.length; i++) {
            y[i] = b.get() & 0xFF;
        }
        return y;
    }
}
