package dev.backprop.script.js;

import dev.backprop.train.BatchProgress;
import java.util.Locale;

/**
 * Between fit's batches: stops fit when the sandbox asked to stop (interrupt, time limit), and on a
 * terminal draws a one-line progress bar on the error stream, at most ten times a second; the
 * script's own output clears it first and it is drawn again below ({@link Host#progress}).
 */
final class Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;
    private final Host host;
    private long lastDraw = System.nanoTime();
    private boolean drawn;

    Progress(Host host) {
        this.host = host;
    }

    void afterBatch(BatchProgress p) {
        if (host.stopRequested()) {
            throw new Stopped();
        }
        if (!host.terminal() || System.nanoTime() - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = System.nanoTime();
        host.progress(bar(p));
        drawn = true;
    }

    /** The progress line; the loss with a decimal point in every locale. */
    static String bar(BatchProgress p) {
        double done = ((p.epoch() - 1) + (double) p.batch() / p.batches()) / p.epochs();
        int full = (int) Math.round(done * BAR);
        return "  epoch " + p.epoch() + "/" + p.epochs() + " ▕" + "█".repeat(full) + "░".repeat(BAR - full)
                + "▏ batch " + p.batch() + "/" + p.batches() + String.format(Locale.ROOT, "  loss %.4f", p.runningLoss());
    }

    void done() {
        if (drawn) {
            host.progress(null);
        }
    }

    /** fit stopped between two whole steps because the sandbox asked it to. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("fit was stopped between two steps", null, false, false);
        }
    }
}
