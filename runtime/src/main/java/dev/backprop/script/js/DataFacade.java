package dev.backprop.script.js;

import dev.backprop.data.Batch;
import dev.backprop.data.Dataset;
import dev.backprop.data.Split;
import java.util.Iterator;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of a {@link Dataset}: its matrices (as handles), sizes, and the new datasets it makes. */
public record DataFacade(Dataset dataset) {
    @Export
    public MatrixFacade x() {
        return new MatrixFacade(dataset.x());
    }

    @Export
    public MatrixFacade y() {
        return new MatrixFacade(dataset.y());
    }

    @Export
    public int size() {
        return dataset.size();
    }

    @Export
    public int features() {
        return dataset.features();
    }

    @Export
    public int classes() {
        return dataset.classes();
    }

    @Export
    public String classNamesJson() {
        return Json.write(dataset.classNames());
    }

    @Export
    public DataFacade[] split(double fraction, long seed) {
        Split s = dataset.split(fraction, seed);
        return new DataFacade[] {new DataFacade(s.train()), new DataFacade(s.test())};
    }

    @Export
    public DataFacade shuffle(long seed) {
        return new DataFacade(dataset.shuffle(seed));
    }

    @Export
    public DataFacade oneHot(int k) {
        return new DataFacade(k <= 0 ? dataset.oneHot() : dataset.oneHot(k));
    }

    /** A fresh pass over the batches; each batch's matrices are reused by the next one. */
    @Export
    public BatchIterator batches(int size, boolean shuffle, long seed) {
        return new BatchIterator(dataset.batches(size, shuffle, seed).iterator());
    }

    @Export
    @Override
    public String toString() {
        return dataset.toString();
    }

    /**
     * One pass over a dataset's batches, for the prelude's JS iterator. The iterator reuses its matrices
     * (one pair for the full batches, one for a shorter last batch), so {@link #advance} says when they
     * changed and the prelude asks for {@link #x} and {@link #y} only then: one host call per batch.
     */
    public static final class BatchIterator {
        private final Iterator<Batch> it;
        private Batch current;
        private int pair;
        private MatrixFacade x;
        private MatrixFacade y;

        BatchIterator(Iterator<Batch> it) {
            this.it = it;
        }

        /**
         * Moves to the next batch; returns 0 at the end, otherwise a number ≥ 1 that changes whenever the
         * batch's matrices are other objects than the previous batch's.
         */
        @Export
        public int advance() {
            if (!it.hasNext()) {
                current = null;
                return 0;
            }
            Batch b = it.next();
            if (current == null || b.x() != current.x() || b.y() != current.y()) {
                pair++;
                x = new MatrixFacade(b.x());
                y = new MatrixFacade(b.y());
            }
            current = b;
            return pair;
        }

        @Export
        public MatrixFacade x() {
            return x;
        }

        @Export
        public MatrixFacade y() {
            return y;
        }
    }
}
