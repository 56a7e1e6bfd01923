package dev.backprop.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small fixed pool of daemon threads that runs one {@link Task} split into numbered parts. The
 * caller runs part 0 itself and waits for the rest. Nothing is allocated per run: the task object
 * is reused by its owner, and workers are woken with park/unpark. One caller at a time holds the
 * pool; a second concurrent caller gets {@code false} from {@link #tryRun} and runs serially, which
 * gives the same bits because a part's result never depends on who computes it.
 */
final class WorkerPool {
    /** Work split into parts 0..parts-1; each part must be independent of the others. */
    interface Task {
        void run(int part, int parts);
    }

    private static final int SPINS = 20_000;

    private final ReentrantLock owner = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    /** Generation in the high bits, part count in the low 16: one volatile so a worker never mixes two runs. */
    private volatile long state;
    private volatile Task task;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private Thread[] workers = new Thread[0];

    /** Worker threads (not counting callers) that exist now. */
    synchronized int workerCount() {
        return workers.length;
    }

    /** Ids of the worker threads, for allocation accounting in tests. */
    synchronized long[] workerIds() {
        long[] ids = new long[workers.length];
        for (int i = 0; i < workers.length; i++) {
            ids[i] = workers[i].threadId();
        }
        return ids;
    }

    /** Makes sure at least {@code count} worker threads exist (they are daemons and never stop). */
    synchronized void ensureWorkers(int count) {
        if (count <= workers.length) {
            return;
        }
        Thread[] grown = java.util.Arrays.copyOf(workers, count);
        for (int i = workers.length; i < count; i++) {
            int index = i;
            Thread t = new Thread(() -> workLoop(index), "backprop-kernel-" + (i + 1));
            t.setDaemon(true);
            grown[i] = t;
        }
        int old = workers.length;
        workers = grown;
        for (int i = old; i < count; i++) {
            grown[i].start();
        }
    }

    /**
     * Runs {@code t} as {@code n} parts (part 0 on the caller, the others on workers) and returns
     * true, or returns false at once when another caller is using the pool or it has too few workers.
     */
    boolean tryRun(Task t, int n) {
        if (n - 1 > workers.length || !owner.tryLock()) {
            return false;
        }
        try {
            failure = null;
            waiter = Thread.currentThread();
            task = t;
            pending.set(n - 1);
            state = ((state >>> 16) + 1) << 16 | n; // publishes the task to the workers
            Thread[] ws = workers;
            for (int i = 0; i < n - 1; i++) {
                LockSupport.unpark(ws[i]);
            }
            t.run(0, n);
            int spins = 0;
            while (pending.get() != 0) {
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

    private void workLoop(int index) {
        long seen = 0;
        while (true) {
            int spins = 0;
            long s;
            while ((s = state) == seen) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = s;
            int n = (int) (s & 0xFFFF);
            if (index + 1 >= n) {
                continue; // not part of this run; the run cannot finish without its parts, so task is its task
            }
            Task t = task;
            try {
                t.run(index + 1, n);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }
    }
}
