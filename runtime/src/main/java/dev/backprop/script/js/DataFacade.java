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

    /** One pass over a dataset's batches, for the prelude's JS iterator. */
    public static final class BatchIterator {
        private final Iterator<Batch> it;
        private Batch current;

        BatchIterator(Iterator<Batch> it) {
            this.it = it;
        }

        /** Moves to the next batch; false at the end. */
        @Export
        public boolean advance() {
            if (!it.hasNext()) {
                return false;
            }
            current = it.next();
            return true;
        }

        @Export
        public MatrixFacade x() {
            return new MatrixFacade(current.x());
        }

        @Export
        public MatrixFacade y() {
            return new MatrixFacade(current.y());
        }
    }
}
