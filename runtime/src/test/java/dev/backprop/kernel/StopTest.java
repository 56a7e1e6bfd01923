package dev.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A product whose {@link Stop} asks to stop ends at its next panel and throws the stop's own exception
 * on the calling thread, alone or split over the pool; a product nobody stops runs to the end.
 */
class StopTest {
    /** 200 × 150 × 64: many row panels for every microkernel, so a product has panels left after the stop. */
    private static final int M = 200;
    private static final int N = 150;
    private static final int K = 64;

    /** Says stop from its {@code after + 1}-th question on; counts the questions answered "stop". */
    private static final class CountingStop implements Stop {
        final RuntimeException own = new RuntimeException("the tenant's own stop");
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger answeredStop = new AtomicInteger();
        final int after;

        CountingStop(int after) {
            this.after = after;
        }

        @Override
        public boolean stopRequested() {
            boolean stop = asked.incrementAndGet() > after;
            if (stop) {
                answeredStop.incrementAndGet();
            }
            return stop;
        }

        @Override
        public RuntimeException stopped() {
            return own;
        }
    }

    private static DoubleBuffer filled(int n) {
        DoubleBuffer b = ByteBuffer.allocateDirect(n * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int k = 0; k < n; k++) {
            b.put(k, (k % 13) - 6.0);
        }
        return b;
    }

    private static Gemm product(DoubleBuffer out) {
        Gemm g = new Gemm(KernelConfig.kernel());
        g.operands(filled(M * K), K, 1, filled(N * K), K, 1, M, N, K); // C = A·Bᵀ, both row-major
        g.output(out, Gemm.PLAIN, null, 1.0, false);
        return g;
    }

    /** Row panels × column panels (K is below one range of k, so each pair is multiplied once). */
    private static int panels() {
        Microkernel k = KernelConfig.kernel();
        return (M + k.mr() - 1) / k.mr() * ((N + k.nr() - 1) / k.nr());
    }

    @Test
    void aStopEndsAProductAtItsNextPanelWithTheStopsOwnException() {
        CountingStop stop = new CountingStop(3);
        Gemm g = product(filled(M * N));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> g.run(KernelConfig.pool(), 1, stop));
        assertSame(stop.own, thrown);
        assertEquals(1, stop.answeredStop.get(), "the product asked again after it was told to stop");
    }

    @Test
    void aStopEndsEveryPartOfAProductSplitOverThePool() {
        KernelConfig.setThreads(2);
        CountingStop stop = new CountingStop(3);
        Gemm g = product(filled(M * N));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> g.run(KernelConfig.pool(), 2, stop));
        assertSame(stop.own, thrown);
        int panels = panels();
        assertTrue(stop.asked.get() < panels, "asked " + stop.asked.get() + " times of " + panels + " panels: it ran on");
        assertTrue(stop.answeredStop.get() <= 8, "each of at most 4·threads parts stops at its first 'stop', got "
                + stop.answeredStop.get());
    }

    @Test
    void aProductNobodyStopsWritesEveryElement() {
        DoubleBuffer out = filled(M * N);
        CountingStop stop = new CountingStop(Integer.MAX_VALUE);
        product(out).run(KernelConfig.pool(), 1, stop);
        DoubleBuffer a = filled(M * K);
        DoubleBuffer b = filled(N * K);
        for (int i = 0; i < M; i += 37) {
            for (int j = 0; j < N; j += 29) {
                double s = 0;
                for (int k = 0; k < K; k++) {
                    s = Math.fma(a.get(i * K + k), b.get(j * K + k), s);
                }
                assertEquals(s, out.get(i * N + j), "C[" + i + "][" + j + "]");
            }
        }
        assertEquals(panels(), stop.asked.get(), "asked once between every two panels");
    }
}
