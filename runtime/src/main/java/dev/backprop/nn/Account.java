package dev.backprop.nn;

import dev.backprop.kernel.Kernels;
import dev.backprop.kernel.Stop;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Who engine work is done for: one sandbox (a tenant) or, outside any sandbox, nobody in particular.
 *
 * <p>Every {@link Matrix} is charged to the account bound to the thread that makes it: its element count
 * is checked against the account's element limit and its bytes against the account's memory limit
 * <em>before</em> anything is allocated, and the bytes are given back when the matrix's storage is
 * collected. Long host loops (fit, gradCheck, file readers) call {@link #checkStop()} between blocks, and
 * the kernels' products ask the account bound to their thread between panels, so a time limit or an
 * interrupt ends them within one block.
 *
 * <p>Code that runs outside a sandbox is charged to {@link #UNLIMITED}, which has no limits and is never
 * stopped. A sandbox binds its account with {@link #callAs} for the whole of each entry into its script.
 */
public final class Account {
    /** The account of work done outside any sandbox: no limits, never asked to stop. */
    public static final Account UNLIMITED = new Account(0, 0, "", "");

    private static final ThreadLocal<Account> CURRENT = new ThreadLocal<>();
    private static final Cleaner CLEANER = Cleaner.create();
    /** How often a reservation over budget waits for collected matrices to give their bytes back. */
    private static final int RELEASE_WAITS = 20;

    private final long maxBytes;
    private final long maxElements;
    private final String bytesHint;
    private final String elementsHint;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean stopping;
    /** This account as the kernels see it: a product asks it between panels and ends with {@link Stopped}. */
    private final Stop kernelStop = new Stop() {
        @Override
        public boolean stopRequested() {
            return stopping;
        }

        @Override
        public RuntimeException stopped() {
            return new Stopped();
        }
    };

    static {
        Kernels.stopWith(() -> current().kernelStop); // products ask the account bound to the thread that runs them
    }

    /**
     * An account with a memory limit of {@code maxBytes} (0: none) for the native storage of matrices and
     * an element limit of {@code maxElements} (0: none beyond {@link Matrix#MAX_ELEMENTS}) per matrix.
     * The hints say how to raise each limit ("raise it with …"); they end the {@link LimitError}'s message.
     */
    public Account(long maxBytes, long maxElements, String bytesHint, String elementsHint) {
        if (maxBytes < 0 || maxElements < 0) {
            throw new IllegalArgumentException("limits must be 0 (none) or positive");
        }
        this.maxBytes = maxBytes;
        this.maxElements = maxElements;
        this.bytesHint = bytesHint;
        this.elementsHint = elementsHint;
    }

    /** The account bound to this thread, or {@link #UNLIMITED}. */
    public static Account current() {
        Account a = CURRENT.get();
        return a == null ? UNLIMITED : a;
    }

    /** Throws {@link Stopped} when the account bound to this thread was asked to stop. Cheap: call it between blocks. */
    public static void checkStop() {
        Account a = CURRENT.get();
        if (a != null && a.stopping) {
            throw new Stopped();
        }
    }

    /** {@link #checkStop()} at every 65,536th step i of a long element loop (i = 0, 65536, …): cheap in between. */
    public static void checkStopAt(long i) {
        if ((i & 0xFFFF) == 0) {
            checkStop();
        }
    }

    /** Runs {@code work} with this account bound to the calling thread, then restores the previous binding. */
    public <T> T callAs(Supplier<T> work) {
        Account before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Runs {@code work} with this account bound to the calling thread. */
    public void runAs(Runnable work) {
        callAs(() -> {
            work.run();
            return null;
        });
    }

    /** Asks every loop working for this account to stop at its next {@link #checkStop()}. */
    public void stop() {
        stopping = true;
    }

    /** Clears a stop request (a new evaluation starts). */
    public void resume() {
        stopping = false;
    }

    /** Whether a stop was requested and not yet cleared. */
    public boolean stopRequested() {
        return stopping;
    }

    /** Bytes of native matrix storage charged to this account and not yet given back. */
    public long usedBytes() {
        return used.get();
    }

    /** The most bytes this account ever held at once. */
    public long peakBytes() {
        return peak.get();
    }

    /** The memory limit in bytes (0: none). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The element limit per matrix (0: none beyond {@link Matrix#MAX_ELEMENTS}). */
    public long maxElements() {
        return maxElements;
    }

    /**
     * Checks a [rows, cols] matrix against the element limit and reserves {@code bytes} for it against the
     * memory limit; throws a {@link LimitError} naming the limit and how to raise it. Over the memory limit,
     * collected storage is given a chance to come back (one GC) before failing. The matrix is named in the
     * message only when one is thrown: this runs for every matrix, in training loops too.
     */
    void reserve(int rows, int cols, long bytes) {
        if (this == UNLIMITED) {
            return;
        }
        long elements = (long) rows * cols;
        if (maxElements > 0 && elements > maxElements) {
            throw new LimitError(matrixName(rows, cols) + " has " + elements + " elements; the limit is " + maxElements + " elements; "
                    + elementsHint);
        }
        if (maxBytes > 0 && used.get() + bytes > maxBytes) {
            System.gc(); // collected matrices give their bytes back through the cleaner, on its own thread
            for (int i = 0; i < RELEASE_WAITS && used.get() + bytes > maxBytes; i++) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        long now = used.addAndGet(bytes);
        if (maxBytes > 0 && now > maxBytes) {
            used.addAndGet(-bytes);
            throw new LimitError("memory limit of " + formatBytes(maxBytes) + " reached: " + matrixName(rows, cols) + " needs "
                    + formatBytes(bytes) + " but the matrices, networks and datasets this script keeps already hold "
                    + formatBytes(now - bytes) + "; drop the ones you no longer need (e.g. set them to null), or "
                    + bytesHint);
        }
        peak.accumulateAndGet(now, Math::max);
    }

    private static String matrixName(int rows, int cols) {
        return "a matrix [" + rows + ", " + cols + "]";
    }

    /** Gives back a reservation whose allocation failed. */
    void release(long bytes) {
        if (this != UNLIMITED) {
            used.addAndGet(-bytes);
        }
    }

    /** Gives {@code bytes} back to this account when {@code storage} is collected. */
    void releaseWhenCollected(Object storage, long bytes) {
        if (this != UNLIMITED) {
            CLEANER.register(storage, () -> used.addAndGet(-bytes));
        }
    }

    /** Bytes as people read them: "16 MiB", "1.5 GiB", "100 bytes". */
    public static String formatBytes(long n) {
        if (n >= 1L << 30) {
            return trim(n / (double) (1L << 30)) + " GiB";
        }
        if (n >= 1L << 20) {
            return trim(n / (double) (1L << 20)) + " MiB";
        }
        if (n >= 1L << 10) {
            return trim(n / (double) (1L << 10)) + " KiB";
        }
        return n + " bytes";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Engine work was stopped between two blocks because its account was asked to stop (time limit, interrupt). */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stopped() {
            super("stopped between two blocks of work", null, false, false);
        }
    }
}
