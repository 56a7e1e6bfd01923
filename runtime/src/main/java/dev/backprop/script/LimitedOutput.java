package dev.backprop.script;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the sandbox's output streams. Out and err share one byte budget per evaluation; the first
 * write past it is cut at the limit, later ones are dropped, and {@code onLimit} asks the watchdog to
 * stop the script (a write cannot stop it from inside, since scripts could catch the error).
 */
final class LimitedOutput extends OutputStream {
    private final OutputStream target;
    private final AtomicLong written;
    private final long limit;
    private final Runnable onLimit;

    LimitedOutput(OutputStream target, AtomicLong written, long limit, Runnable onLimit) {
        this.target = target;
        this.written = written;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (limit <= 0) {
            target.write(b, off, len);
            return;
        }
        long before = written.getAndAdd(len);
        if (before + len <= limit) {
            target.write(b, off, len);
            return;
        }
        if (before < limit) {
            target.write(b, off, (int) (limit - before));
            target.flush();
        }
        onLimit.run();
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
