package dev.backprop.script;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java heap one sandbox keeps alive, estimated from below, for its memory limit.
 *
 * <p>GraalVM Community cannot say which context owns which heap object, so this is the closest honest
 * equivalent of Oracle GraalVM's {@code sandbox.MaxHeapMemory}. The <em>trigger</em> is per thread: once
 * a sandbox's evaluating thread has allocated a quarter of the budget since the last measurement, the
 * watchdog collects garbage and reads the heap in use. The <em>attribution</em> is a lower bound: between
 * two measurements the heap in use grew by ΔU, and every other thread of the JVM (other sandboxes, the
 * embedding application, the compiler) allocated ΔA − own bytes; those threads can have kept at most what
 * they allocated, so this sandbox kept at least
 *
 * <pre>  kept ≥ kept_before + ΔU − (ΔA − own)      (and 0 ≤ kept ≤ everything it ever allocated)</pre>
 *
 * A sandbox is therefore never stopped for memory another tenant or the application keeps. The price:
 * while other threads allocate heavily, the bound is loose and a sandbox can keep more than its limit
 * until they calm down (the JVM's own heap limit still ends it as a {@code LimitError}). Memory a script
 * allocates and drops (garbage) never counts, however much. Matrices' native storage is counted exactly,
 * apart from this, by {@link dev.backprop.nn.Account}; the limit applies to the sum of both.
 */
final class HeapShare {
    private static final Set<HeapShare> LIVE = ConcurrentHashMap.newKeySet();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Smallest allocation between two measurements triggered by one thread (a full GC is not free). */
    private static final long MIN_TRIGGER = 32L << 20;
    private static final Object LOCK = new Object();
    private static long lastUsed = -1;
    private static long lastTotal = -1;

    private final long limit;
    private final dev.backprop.nn.Account account;
    /** Allocation by this sandbox's evaluating threads since the last measurement (finished runs). */
    private long ownSinceMeasure;
    /** Everything this sandbox's runs ever allocated: the bound can never exceed it. */
    private long ownTotal;
    /** Thread-allocated-bytes readings at the start of each running entry (or the last measurement). */
    private final Map<Thread, Long> checkpoints = new ConcurrentHashMap<>();
    private volatile long kept;

    /** Tracks a sandbox whose memory limit is {@code limit} bytes (0: none) for heap and native storage together. */
    HeapShare(long limit, dev.backprop.nn.Account account) {
        this.limit = limit;
        this.account = account;
        synchronized (LOCK) {
            if (lastUsed < 0 && limit > 0) {
                // the JVM's first limited sandbox: one collection sets the baseline every later measurement is
                // compared with
                System.gc();
                lastUsed = MEMORY.getHeapMemoryUsage().getUsed();
                lastTotal = totalAllocated();
            }
            LIVE.add(this);
        }
    }

    /** The lower bound on the heap this sandbox keeps, as of the last measurement. */
    long keptBytes() {
        return kept;
    }

    /** Stops tracking (the sandbox closed). */
    void close() {
        LIVE.remove(this);
    }

    void runStarted(Thread t) {
        checkpoints.put(t, allocated(t));
    }

    void runFinished(Thread t) {
        Long start = checkpoints.remove(t);
        long now = allocated(t);
        if (start != null && now >= 0 && start >= 0) {
            synchronized (LOCK) {
                ownSinceMeasure += now - start;
                ownTotal += now - start;
            }
        }
    }

    /** Whether thread {@code t} of this sandbox allocated enough since the last measurement to measure again. */
    boolean dueForMeasurement(Thread t) {
        if (limit <= 0) {
            return false;
        }
        Long start = checkpoints.get(t);
        long now = allocated(t);
        return start != null && now >= 0 && now - start >= Math.max(MIN_TRIGGER, limit / 4);
    }

    /**
     * Collects garbage, updates every sandbox's lower bound and returns the sandboxes whose heap and native
     * storage together are over their limit. Called by the watchdog only.
     */
    static List<HeapShare> measure() {
        long total = totalAllocated();
        List<HeapShare> over = new ArrayList<>();
        synchronized (LOCK) {
            // fold what the running entries allocated so far into their sandboxes
            for (HeapShare s : LIVE) {
                for (Map.Entry<Thread, Long> e : s.checkpoints.entrySet()) {
                    long now = allocated(e.getKey());
                    if (now >= 0 && e.getValue() >= 0) {
                        s.ownSinceMeasure += now - e.getValue();
                        s.ownTotal += now - e.getValue();
                        e.setValue(now);
                    }
                }
            }
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            total = Math.max(total, totalAllocated());
            if (lastUsed < 0 || total < 0 || lastTotal < 0) {
                // the first measurement (or no JVM-wide allocation counter): a baseline, nothing attributed
                for (HeapShare s : LIVE) {
                    s.ownSinceMeasure = 0;
                }
            } else {
                long grew = used - lastUsed;
                long allocatedByAll = total - lastTotal;
                for (HeapShare s : LIVE) {
                    long others = Math.max(0, allocatedByAll - s.ownSinceMeasure);
                    long k = s.kept + grew - others;
                    s.kept = Math.max(0, Math.min(k, s.ownTotal));
                    s.ownSinceMeasure = 0;
                    if (s.limit > 0 && s.kept + s.account.usedBytes() > s.limit) {
                        over.add(s);
                    }
                }
            }
            lastUsed = used;
            lastTotal = total;
        }
        return over;
    }

    private static long totalAllocated() {
        try {
            return THREADS.getTotalThreadAllocatedBytes();
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private static long allocated(Thread t) {
        try {
            return THREADS.getThreadAllocatedBytes(t.threadId());
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
