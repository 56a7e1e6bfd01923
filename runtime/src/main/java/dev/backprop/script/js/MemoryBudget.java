package dev.backprop.script.js;

import dev.backprop.nn.LimitError;
import dev.backprop.script.Limits;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native (direct ByteBuffer) bytes of the matrices, networks and datasets a sandbox made, counted
 * against its memory budget, which the heap watchdog cannot see. Bytes are reserved before allocating
 * and released when the facade holding them is collected; over budget, one GC runs and the count is
 * checked again before the reservation fails with a {@code LimitError}.
 */
final class MemoryBudget {
    private static final Cleaner CLEANER = Cleaner.create();
    private final long max;
    private final AtomicLong used = new AtomicLong();

    /** {@code max} bytes; 0 means no limit. */
    MemoryBudget(long max) {
        this.max = max;
    }

    long used() {
        return used.get();
    }

    /** Reserves {@code bytes} for {@code what}, or throws a LimitError naming the limit and how to raise it. */
    void reserve(long bytes, String what) {
        if (max <= 0) {
            used.addAndGet(bytes);
            return;
        }
        if (used.get() + bytes > max) {
            // collected matrices give their bytes back through the cleaner, which runs on its own thread
            System.gc();
            for (int i = 0; i < 20 && used.get() + bytes > max; i++) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        long now = used.addAndGet(bytes);
        if (now > max) {
            used.addAndGet(-bytes);
            throw new LimitError("memory limit of " + Limits.formatBytes(max) + " reached: " + what + " needs "
                    + Limits.formatBytes(bytes) + " but the matrices, networks and datasets this script keeps already hold "
                    + Limits.formatBytes(now - bytes) + "; drop the ones you no longer need (e.g. set them to null) or"
                    + " raise the limit with --max-memory BYTES, or SandboxBuilder.maxAllocatedBytes in Java");
        }
    }

    /** Gives {@code bytes} back when {@code owner} is collected. */
    <T> T track(T owner, long bytes) {
        CLEANER.register(owner, () -> used.addAndGet(-bytes));
        return owner;
    }

    /** Gives back a reservation whose allocation failed. */
    void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
