package dev.backprop.script;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link Sandbox}. Defaults: time limit 30 s, no statement limit, networks and matrices
 * up to 10,000,000 elements, 16 MiB of output per evaluation, an allocation budget of
 * min(1 GiB, max heap / 4), no read roots (nothing readable), no write root (nothing writable),
 * output discarded, no args, not a terminal, nothing outside the roots granted ({@link Access#REFUSE}).
 * These are the embedding API's conservative defaults; {@code backprop run} sets its own (docs/sandbox.md).
 */
public final class SandboxBuilder {
    private Duration timeLimit = Limits.DEFAULT_TIME_LIMIT;
    private long maxStatements = Limits.DEFAULT_MAX_STATEMENTS;
    private long maxElements = Limits.DEFAULT_MAX_ELEMENTS;
    private long maxOutputBytes = Limits.DEFAULT_MAX_OUTPUT_BYTES;
    private long maxAllocatedBytes = Limits.defaultMaxAllocatedBytes();
    private final List<Path> readRoots = new ArrayList<>();
    private Path writeRoot;
    private OutputStream out = OutputStream.nullOutputStream();
    private OutputStream err = OutputStream.nullOutputStream();
    private List<String> args = List.of();
    private boolean terminal;
    private Access access = Access.REFUSE;

    SandboxBuilder() {
    }

    /**
     * Wall time of one evaluation; null or zero for none (the shell, which stops with Ctrl-C). A negative one is
     * refused by {@link #build} with an IllegalArgumentException: it never means "no limit".
     */
    public SandboxBuilder timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** JS statements of one evaluation; 0 for none. Hitting it closes the sandbox. */
    public SandboxBuilder maxStatements(long n) {
        this.maxStatements = n;
        return this;
    }

    /** Largest network (parameter count) or matrix (elements); 0 for the engine's own cap. */
    public SandboxBuilder maxElements(long n) {
        this.maxElements = n;
        return this;
    }

    /** Bytes one evaluation may write to out and err together; 0 for none. */
    public SandboxBuilder maxOutputBytes(long n) {
        this.maxOutputBytes = n;
        return this;
    }

    /**
     * Memory the sandbox may keep, for its whole life: its matrices' native storage (counted exactly, checked before
     * allocating) plus the JS heap it keeps alive (a lower bound measured after collections; garbage never counts,
     * nor memory other sandboxes keep); 0 for none. See docs/sandbox.md.
     */
    public SandboxBuilder maxAllocatedBytes(long n) {
        this.maxAllocatedBytes = n;
        return this;
    }

    /** A folder scripts may read (and import modules) from; repeatable. The first is the base for relative reads. */
    public SandboxBuilder readRoot(Path dir) {
        readRoots.add(Objects.requireNonNull(dir, "readRoot"));
        return this;
    }

    /** The folder save and plot.save may write into (and read back from); relative writes resolve against it. */
    public SandboxBuilder writeRoot(Path dir) {
        this.writeRoot = dir;
        return this;
    }

    /** Where print and console.log write. */
    public SandboxBuilder out(OutputStream stream) {
        this.out = Objects.requireNonNull(stream, "out");
        return this;
    }

    /** Where console.error writes. */
    public SandboxBuilder err(OutputStream stream) {
        this.err = Objects.requireNonNull(stream, "err");
        return this;
    }

    /** The script's {@code args}. */
    public SandboxBuilder args(List<String> values) {
        this.args = List.copyOf(values);
        return this;
    }

    /** Whether out is a terminal (fit's progress bar and coloured plots are allowed). */
    public SandboxBuilder terminal(boolean on) {
        this.terminal = on;
        return this;
    }

    /**
     * Asked before a read outside the read roots or a write outside the write root (default
     * {@link Access#REFUSE}: refused with an AccessError naming the flag and builder call to add).
     */
    public SandboxBuilder access(Access ask) {
        this.access = Objects.requireNonNull(ask, "access");
        return this;
    }

    public Sandbox build() {
        Limits limits = new Limits(timeLimit, maxStatements, maxElements, maxOutputBytes, maxAllocatedBytes);
        return new Sandbox(limits, new Roots(readRoots, writeRoot, access), out, err, args, terminal);
    }
}
