package dev.backprop.script;

import dev.backprop.nn.Account;
import java.time.Duration;

/**
 * The limits of one sandbox, each with a documented default (see {@link SandboxBuilder}).
 * A zero or null value means "no limit". Every limit ends a script with a {@code LimitError}
 * whose message names the limit and how to raise it.
 *
 * <p>Per evaluation (counted again for each eval or run): time, statements, output. Per sandbox (its whole
 * life): elements and memory. docs/sandbox.md explains how each is measured.
 *
 * @param timeLimit         wall time of one evaluation (default 30 s; the shell uses none and Ctrl-C instead)
 * @param maxStatements     JS statements of one evaluation (default none; hitting it closes the sandbox)
 * @param maxElements       largest network (parameters) or matrix (elements), checked before allocating (default
 *                          10,000,000; 0: no limit beyond one matrix's maximum, Matrix.MAX_ELEMENTS)
 * @param maxOutputBytes    bytes one evaluation may write to out and err together (default 16 MiB)
 * @param maxAllocatedBytes memory the sandbox keeps: the native storage of its matrices (exact) plus the JS heap it
 *                          keeps (estimated from below) (default min(1 GiB, max heap / 4))
 */
public record Limits(Duration timeLimit, long maxStatements, long maxElements, long maxOutputBytes,
                     long maxAllocatedBytes) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_STATEMENTS = 0;
    public static final long DEFAULT_MAX_ELEMENTS = 10_000_000L;
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L << 20;

    public Limits {
        if (timeLimit != null && timeLimit.isNegative()) {
            // a budget that ran out (a request's time left, say) must not become "no limit"
            throw new IllegalArgumentException("timeLimit must be positive, or null or zero for none; got " + timeLimit);
        }
        if (timeLimit != null && timeLimit.isZero()) {
            timeLimit = null;
        }
        requireNonNegative("maxStatements", maxStatements);
        requireNonNegative("maxElements", maxElements);
        requireNonNegative("maxOutputBytes", maxOutputBytes);
        requireNonNegative("maxAllocatedBytes", maxAllocatedBytes);
    }

    /** The defaults listed on this record. */
    public static Limits defaults() {
        return new Limits(DEFAULT_TIME_LIMIT, DEFAULT_MAX_STATEMENTS, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_OUTPUT_BYTES,
                defaultMaxAllocatedBytes());
    }

    /** min(1 GiB, max heap / 4): below the heap, so a memory bomb ends as a LimitError and not an OutOfMemoryError. */
    public static long defaultMaxAllocatedBytes() {
        return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    }

    /** "2s", "1m30s", "500ms": how durations are written on the command line. */
    public static String format(Duration d) {
        if (d == null) {
            return "none";
        }
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60 || s % 60 != 0 && s < 3600) {
            return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s / 60 + "m";
    }

    /** Bytes as people read them: "16 MiB", "1.5 GiB", "100 bytes" (the engine's one formatter, {@link Account}). */
    public static String formatBytes(long n) {
        return Account.formatBytes(n);
    }

    private static void requireNonNegative(String what, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be 0 (no limit) or positive, got " + v);
        }
    }
}
