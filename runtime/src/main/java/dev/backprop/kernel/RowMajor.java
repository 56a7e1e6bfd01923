package dev.backprop.kernel;

import java.nio.DoubleBuffer;

/**
 * A matrix as the kernels read and write it: {@code rows × cols} doubles in a live buffer, element (i, j)
 * at flat index {@code i * cols + j}. The kernels know nothing of the layers above them; nn's {@code Matrix}
 * is one, so the products run on its own storage with no copy.
 */
public interface RowMajor {
    int rows();

    int cols();

    /** The live storage, row-major; the kernels use absolute gets and puts only. */
    DoubleBuffer data();
}
