package dev.backprop.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small fixed pool of daemon threads that runs one {@link Task} split into numbered chunks. The
 * caller and the woken workers claim chunks from a shared counter until none is left, so a worker the
 * OS does not schedule in time simply gets no chunk (on a busy machine the caller does them all).
 * Which thread computes a chunk never changes its result. Nothing is allocated per run: the task is
 * reused by its owner and workers are woken with park/unpark. One caller at a time holds the pool; a
 * concurrent caller gets {@code false} from {@link #tryRun} and runs serially, with the same bits.
 */
final class WorkerPool {
    /** Work split into chunks 0..chunks-1; each chunk must be independent of the others. */
    interface Task {
        void run(int chunk, int chunks);
    }

    private static final int SPINS = 20_000;
    private static final int BITS = 20;
    private static final long MASK = (1L << BITS) - 1;

    private final ReentrantLock owner = new ReentrantLock();
    /** One word, so a claim never mixes two runs: generation (high 24 bits), chunk count, next chunk. */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long generation;
    private volatile Task task;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private volatile Thread[] workers = new Thread[0];

    /** Ids of the worker threads, for allocation accounting in tests. */
    long[] workerIds() {
        Thread[] ws = workers;
        long[] ids = new long[ws.length];
        for (int i = 0; i < ws.length; i++) {
            ids[i] = ws[i].threadId();
        }
        return ids;
    }

    /** Makes sure at least {@code count} worker threads exist (they are daemons and never stop). */
    synchronized void ensureWorkers(int count) {
        Thread[] old = workers;
        if (count <= old.length) {
            return;
        }
        Thread[] grown = java.util.Arrays.copyOf(old, count);
        for (int i = old.length; i < count; i++) {
            Thread t = new Thread(this::workLoop, "backprop-kernel-" + (i + 1));
            t.setDaemon(true);
            grown[i] = t;
            t.start();
        }
        workers = grown;
    }

    /**
     * Runs {@code t} as {@code n} chunks on the caller and up to {@code helpers} workers and returns
     * true, or returns false at once when another caller holds the pool.
     */
    boolean tryRun(Task t, int n, int helpers) {
        if (!owner.tryLock()) {
            return false;
        }
        try {
            failure = null;
            waiter = Thread.currentThread();
            if (n > MASK) {
                throw new IllegalArgumentException("at most " + MASK + " chunks, got " + n);
            }
            task = t;
            done.set(0);
            long gen = (generation + 1) & 0xFFFFFF;
            claim.set(gen << (2 * BITS) | (long) n << BITS);
            generation = gen; // publishes the run
            Thread[] ws = workers;
            for (int i = 0, wake = Math.min(helpers, ws.length); i < wake; i++) {
                LockSupport.unpark(ws[i]);
            }
            work(gen);
            int spins = 0;
            while (done.get() != n) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
            Throwable f = failure;
            if (f != null) {
                throw new IllegalStateException("a kernel worker thread failed: " + f, f);
            }
            return true;
        } finally {
            owner.unlock();
        }
    }

    /** Claims and runs chunks of run {@code gen} until none is left. */
    private void work(long gen) {
        while (true) {
            long c = claim.get();
            int n = (int) (c >>> BITS & MASK);
            int chunk = (int) (c & MASK);
            if (c >>> (2 * BITS) != gen || chunk >= n) {
                return;
            }
            if (!claim.compareAndSet(c, c + 1)) {
                continue;
            }
            Task t = task; // run gen cannot finish before this chunk is done, so this is its task
            try {
                t.run(chunk, n);
            } catch (Throwable e) {
                failure = e;
            }
            if (done.incrementAndGet() == n) {
                LockSupport.unpark(waiter);
            }
        }
    }

    private void workLoop() {
        long seen = 0;
        while (true) {
            int spins = 0;
            long g;
            while ((g = generation) == seen) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            work(g);
        }
    }
}
