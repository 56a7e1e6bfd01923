package dev.backprop.data;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Rng;
import dev.backprop.nn.ValueError;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The mini-batches of a {@link Dataset}: rows are copied whole (bulk buffer copies) into matrices that
 * one iteration reuses, so a batch is valid until the iterator's next call. Each iteration draws the
 * same order: shuffled by a permutation from {@code new Rng(seed)}, or in sequence.
 */
public final class Batches implements Iterable<Batch> {
    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    Batches(Dataset data, int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new ValueError("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** Number of batches: ⌈size / batchSize⌉. */
    public int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int n = data.size();
        int[] order = shuffle ? new Rng(seed).permutation(n) : null;
        return new Iterator<>() {
            private int next;
            private Batch full;
            private Batch tail;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Batch next() {
                if (next >= n) {
                    throw new NoSuchElementException("no more batches: all " + n + " examples were given");
                }
                int count = Math.min(batchSize, n - next);
                Batch b;
                if (count == batchSize) {
                    if (full == null) {
                        full = allocate(count);
                    }
                    b = full;
                } else {
                    if (tail == null) {
                        tail = allocate(count);
                    }
                    b = tail;
                }
                Dataset.copyRows(data.x(), order, next, count, b.x());
                Dataset.copyRows(data.y(), order, next, count, b.y());
                next += count;
                return b;
            }
        };
    }

    private Batch allocate(int rows) {
        return new Batch(Matrix.zeros(rows, data.features()), Matrix.zeros(rows, data.y().cols()));
    }
}
