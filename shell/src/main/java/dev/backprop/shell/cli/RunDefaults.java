package dev.backprop.shell.cli;

import dev.backprop.nn.Matrix;

/**
 * The limits {@code backprop run} uses when no flag is given: made for one's own training on this
 * machine, not for hostile scripts (the embedding API keeps its conservative defaults, see
 * docs/sandbox.md). No wall-clock limit (Ctrl-C stops); the memory limit is three quarters of the
 * JVM's maximum heap, leaving the rest to the JavaScript engine; the element limit is the number of
 * 8-byte values that fit in a quarter of the memory limit, since a matrix being trained lives beside
 * its gradient, the optimizer's state and a batch's copies.
 */
final class RunDefaults {
    private RunDefaults() {
    }

    /** Heap the script may keep: ¾ of the JVM's maximum heap (BACKPROP_JAVA_OPTS=-Xmx… changes it). */
    static long maxMemory() {
        return Runtime.getRuntime().maxMemory() / 4 * 3;
    }

    /** Largest matrix or network: the doubles that fit in a quarter of {@code maxMemory}, at most one matrix's cap. */
    static long maxElements(long maxMemory) {
        long n = maxMemory / 4 / Double.BYTES;
        return maxMemory == 0 ? Matrix.MAX_ELEMENTS : Math.max(1, Math.min(n, Matrix.MAX_ELEMENTS));
    }
}
