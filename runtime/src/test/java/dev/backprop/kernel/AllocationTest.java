package dev.backprop.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.optim.Adam;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.Sgd;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady-state training allocates nothing: 1,000 forward + backward + step calls on a W2-like net
 * (threaded products included) are counted with the thread allocation counter, on the calling
 * thread and on every kernel worker thread.
 */
class AllocationTest {
    private static final int STEPS = 1_000;
    /** Windows of STEPS steps tried before the test fails (see assertNoAllocation). */
    private static final int WINDOWS = 10;

    /**
     * com.sun.management.ThreadMXBean.getThreadAllocatedBytes(long), looked up by name because the
     * runtime module does not read jdk.management; typed (Object, long)long so a call boxes nothing.
     */
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesHandle();
    private static final Object BEAN = ManagementFactory.getThreadMXBean();

    private static MethodHandle allocatedBytesHandle() {
        try {
            Class<?> api = Class.forName("com.sun.management.ThreadMXBean");
            Object bean = ManagementFactory.getThreadMXBean();
            api.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            return MethodHandles.publicLookup()
                    .findVirtual(api, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class))
                    .asType(MethodType.methodType(long.class, Object.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no per-thread allocation counter (com.sun.management)", e);
        }
    }

    private static long allocated(long[] threads) {
        long total = 0;
        for (long id : threads) {
            try {
                total += (long) ALLOCATED_BYTES.invokeExact(BEAN, id);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return total;
    }

    private static long stepsAllocate(Network net, Matrix x, Matrix y, Optimizer opt, int steps) {
        long[] workers = KernelConfig.workerThreadIds();
        long[] ids = java.util.Arrays.copyOf(workers, workers.length + 1);
        ids[workers.length] = Thread.currentThread().threadId();
        long before = allocated(ids);
        for (int s = 0; s < steps; s++) {
            net.forward(x);
            net.backward(y);
            if (opt == null) {
                net.step(0.1);
            } else {
                net.step(opt);
            }
        }
        return allocated(ids) - before;
    }

    private static void assertNoAllocation(Optimizer opt, String what) {
        KernelConfig.setThreads(2);
        Matrix[] data = KernelDeterminismTest.wide(64, 196, 10, 3);
        Network net = Network.builder(196, 128, 64, 10).activation("relu").output("softmax").loss("crossEntropy")
                .init("he").seed(1).build();
        Kernels.threadMinWork(1L << 17); // split this net's larger products over the worker too, so its allocations count
        try {
            // On a busy machine the JIT may still be replacing tier-3 code (or deoptimizing, which re-allocates
            // scalar-replaced objects) after the warm-up, so a window can count a few hundred bytes once. A real
            // allocation per step shows in every window (≥ 1,000 × its size): pass on the first window of 0 bytes.
            long warm = stepsAllocate(net, data[0], data[1], opt, 2_000); // workspaces sized, scratch grown, loops compiled
            long[] windows = new long[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                windows[w] = stepsAllocate(net, data[0], data[1], opt, STEPS);
                if (windows[w] == 0) {
                    return;
                }
            }
            fail(what + ": each of " + WINDOWS + " windows of " + STEPS + " steady-state steps allocated, bytes: "
                    + java.util.Arrays.toString(windows) + " (warm-up: " + warm + ")");
        } finally {
            Kernels.threadMinWork(Kernels.THREAD_MIN_WORK);
        }
    }

    /** Where the counter check puts its arrays, so they escape and cannot be optimized away. */
    static volatile Object sink;

    @Test
    void theCounterSeesAllocationOnTheCallingThread() {
        long[] ids = {Thread.currentThread().threadId()};
        long before = allocated(ids);
        for (int i = 0; i < 1_000; i++) {
            sink = new double[16];
        }
        long bytes = allocated(ids) - before;
        assertTrue(bytes >= 1_000L * 16 * Double.BYTES, "1,000 arrays of 16 doubles must count at least 128,000 bytes, got " + bytes);
    }

    @Test
    void plainSgdStepsAllocateNothing() {
        assertNoAllocation(null, "net.step(lr)");
    }

    @Test
    void sgdOptimizerStepsAllocateNothing() {
        assertNoAllocation(new Sgd(0.05, 0.9, 1e-4), "net.step(sgd with momentum)");
    }

    @Test
    void sgdWithWeightDecayAloneAllocatesNothing() {
        assertNoAllocation(new Sgd(0.05, 0.0, 1e-4), "net.step(sgd with weight decay, no momentum)");
    }

    @Test
    void adamStepsAllocateNothing() {
        assertNoAllocation(new Adam(1e-3, 0.9, 0.999, 1e-8), "net.step(adam)");
    }
}
