package dev.backprop.script;

import dev.backprop.nn.Account;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;

/**
 * One daemon thread per process that watches every running evaluation of every sandbox and never waits
 * on any of them. Every tick it checks each run's deadline and its sandbox's memory ({@link HeapShare});
 * a run to be stopped gets its account's stop flag (host loops end at their next block) and a
 * {@link Context#interrupt} sent from a separate stopper thread, repeated until the run ends. Stopping
 * never closes a sandbox: only the statement limit (GraalVM closes the context itself) or
 * {@link Sandbox#close()} does.
 */
final class Watchdog {
    private static final long TICK_NANOS = 10_000_000L;
    /** How long one interrupt attempt waits for the script to reach a safepoint before the stopper tries again. */
    private static final Duration INTERRUPT_ATTEMPT = Duration.ofMillis(500);
    private static final Watchdog INSTANCE = new Watchdog();

    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private final ExecutorService stoppers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backprop-stopper");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread thread;

    /** Why an evaluation was stopped. */
    enum Reason { INTERRUPTED, TIME, OUTPUT, MEMORY, STATEMENTS }

    /** One entry into a sandbox's script (an eval, a display, a completion) being watched. */
    final class Run {
        final Context context;
        final Thread evaluator;
        final Account account;
        final HeapShare heap;
        final long deadline;
        private final AtomicReference<Reason> reason = new AtomicReference<>();
        private boolean stopperStarted;
        private java.util.concurrent.Future<?> stopper;
        volatile boolean done;

        Run(Context context, Account account, HeapShare heap, Duration timeLimit) {
            this.context = context;
            this.evaluator = Thread.currentThread();
            this.account = account;
            this.heap = heap;
            this.deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
        }

        /** Marks this run to be stopped for {@code why} (the first reason wins); returns at once. */
        void stop(Reason why) {
            if (!done && reason.compareAndSet(null, why)) {
                account.stop();
                LockSupport.unpark(thread);
            }
        }

        /** Why this run was stopped, or null while it runs normally. */
        Reason reason() {
            return reason.get();
        }
    }

    static Watchdog get() {
        return INSTANCE;
    }

    /** Starts watching an entry into {@code context} on the calling thread, under {@code timeLimit} (null: none). */
    Run start(Context context, Account account, HeapShare heap, Duration timeLimit) {
        account.resume();
        Run r = new Run(context, account, heap, timeLimit);
        heap.runStarted(r.evaluator);
        runs.add(r);
        ensureThread();
        synchronized (wake) {
            wake.notifyAll();
        }
        return r;
    }

    /** Stops watching {@code r}; waits for an interrupt in flight so that it cannot reach the next run. */
    void finish(Run r) {
        java.util.concurrent.Future<?> s;
        synchronized (r) {
            r.done = true;
            s = r.stopper;
        }
        runs.remove(r);
        r.heap.runFinished(r.evaluator);
        if (s != null) {
            boolean interrupted = false;
            while (true) {
                try {
                    s.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        r.account.resume();
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
            long now = System.nanoTime();
            boolean measure = false;
            for (Run r : runs) {
                if (r.reason() == null && now > r.deadline) {
                    r.stop(Reason.TIME);
                }
                measure |= r.reason() == null && r.heap.dueForMeasurement(r.evaluator);
            }
            if (measure) {
                for (HeapShare over : HeapShare.measure()) {
                    for (Run r : runs) {
                        if (r.heap == over) {
                            r.stop(Reason.MEMORY);
                        }
                    }
                }
            }
            for (Run r : runs) {
                if (r.reason() != null) {
                    sendStop(r);
                }
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    /** Starts (once) a stopper that interrupts the run's context until the run is over; never blocks the watchdog. */
    private void sendStop(Run r) {
        synchronized (r) {
            if (r.done || r.stopperStarted) {
                return;
            }
            r.stopperStarted = true;
            r.stopper = stoppers.submit(() -> {
                while (!r.done) {
                    try {
                        r.context.interrupt(INTERRUPT_ATTEMPT);
                        return;
                    } catch (TimeoutException e) {
                        // a host call has not come back to JS yet: its account's stop flag ends it; try again
                    } catch (RuntimeException e) {
                        return; // the context closed meanwhile
                    }
                }
            });
        }
    }
}
