package dev.backprop.script;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;

/**
 * One daemon thread per process that watches every running evaluation: it stops a script when its
 * time is up, when it keeps more heap than its budget, or when asked (interrupt, output limit). It
 * stops a script with {@link Context#interrupt}, which lands at the next JS safepoint, so host calls
 * (step, fit, optimizers) always finish; if the script does not stop in time it cancels the context.
 */
final class Watchdog {
    private static final long TICK_NANOS = 10_000_000L;
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    private static final Watchdog INSTANCE = new Watchdog();

    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile Thread thread;

    /** Why an evaluation was stopped. */
    enum Reason { INTERRUPTED, TIME, OUTPUT, MEMORY, STATEMENTS }

    /** One evaluation being watched. */
    final class Run {
        final Context context;
        final Thread evaluator;
        final Limits limits;
        final long deadline;
        final long heapAtStart;
        long allocationCheckpoint;
        private final AtomicReference<Reason> reason = new AtomicReference<>();
        boolean stopSent;
        volatile boolean done;

        Run(Context context, Limits limits) {
            this.context = context;
            this.evaluator = Thread.currentThread();
            this.limits = limits;
            this.deadline = limits.timeLimit() == null ? Long.MAX_VALUE
                    : System.nanoTime() + limits.timeLimit().toNanos();
            this.heapAtStart = memory.getHeapMemoryUsage().getUsed();
            this.allocationCheckpoint = allocated(evaluator);
        }

        /** Marks this evaluation to be stopped for {@code why} (the first reason wins) and wakes the watchdog. */
        void stop(Reason why) {
            if (!done && reason.compareAndSet(null, why)) {
                LockSupport.unpark(thread);
            }
        }

        /** Why this evaluation was stopped, or null while it runs normally. */
        Reason reason() {
            return reason.get();
        }
    }

    static Watchdog get() {
        return INSTANCE;
    }

    Run start(Context context, Limits limits) {
        Run r = new Run(context, limits);
        runs.add(r);
        ensureThread();
        synchronized (wake) {
            wake.notifyAll();
        }
        return r;
    }

    void finish(Run r) {
        synchronized (r) {
            r.done = true;
        }
        runs.remove(r);
    }

    private synchronized void ensureThread() {
        if (thread == null) {
            Thread t = new Thread(this::loop, "backprop-watchdog");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    private void loop() {
        while (true) {
            synchronized (wake) {
                while (runs.isEmpty()) {
                    try {
                        wake.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            for (Run r : runs) {
                check(r);
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    private void check(Run r) {
        if (r.reason() == null) {
            if (System.nanoTime() > r.deadline) {
                r.stop(Reason.TIME);
            } else if (overMemoryBudget(r)) {
                r.stop(Reason.MEMORY);
            }
        }
        synchronized (r) {
            if (r.reason() == null || r.stopSent || r.done) {
                return;
            }
            r.stopSent = true;
            try {
                r.context.interrupt(INTERRUPT_GRACE);
            } catch (TimeoutException e) {
                try {
                    r.context.close(true);
                } catch (RuntimeException ignored) {
                    // already closing
                }
            } catch (RuntimeException ignored) {
                // the context closed meanwhile
            }
        }
    }

    /**
     * Once the evaluating thread has allocated a budget's worth since the last check, collect garbage
     * and compare the heap that is still in use with the heap at the start: only memory the script
     * keeps counts, so long loops that make garbage are fine.
     */
    private boolean overMemoryBudget(Run r) {
        long budget = r.limits.maxAllocatedBytes();
        if (budget <= 0) {
            return false;
        }
        long now = allocated(r.evaluator);
        if (now < 0 || now - r.allocationCheckpoint < budget / 2) {
            return false;
        }
        System.gc();
        long kept = memory.getHeapMemoryUsage().getUsed() - r.heapAtStart;
        r.allocationCheckpoint = allocated(r.evaluator);
        return kept > budget;
    }

    private long allocated(Thread t) {
        try {
            return threads.getThreadAllocatedBytes(t.threadId());
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
