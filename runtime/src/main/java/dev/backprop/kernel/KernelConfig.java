package dev.backprop.kernel;

/**
 * How the kernels run: the thread count ({@code -Dbackprop.threads=N} or {@code BACKPROP_THREADS},
 * default the available processors; 1 = single-thread) and the microkernel ({@code -Dbackprop.kernel=
 * auto|scalar|vector}; auto picks the Vector API kernel only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, so users never see the incubator warning unasked) and its
 * vector width ({@code -Dbackprop.vector.bits} or {@code BACKPROP_VECTOR_BITS}: 128, 256 or 512, at most
 * the CPU's; default the widest the CPU has). No setting changes a single bit of any result.
 */
public final class KernelConfig {
    private static final WorkerPool POOL = new WorkerPool();
    private static final Microkernel KERNEL = chooseKernel(setting("backprop.kernel", "BACKPROP_KERNEL", "auto"));
    private static volatile int threads = initialThreads();

    private KernelConfig() {
    }

    /** Threads a large product is split over. */
    public static int threads() {
        return threads;
    }

    /** Sets the thread count for later products (at least 1); worker threads are started as needed. */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("kernel threads must be at least 1, got " + count);
        }
        POOL.ensureWorkers(count - 1);
        threads = count;
    }

    /** The microkernel in use: {@code "scalar"} or {@code "vector-<bits>"}. */
    public static String kernelName() {
        return KERNEL.name();
    }

    /** Ids of the pool's worker threads (for allocation accounting). */
    public static long[] workerThreadIds() {
        return POOL.workerIds();
    }

    static WorkerPool pool() {
        return POOL;
    }

    static Microkernel kernel() {
        return KERNEL;
    }

    private static int initialThreads() {
        String s = setting("backprop.threads", "BACKPROP_THREADS", null);
        int n = Runtime.getRuntime().availableProcessors();
        if (s != null) {
            try {
                n = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("backprop.threads / BACKPROP_THREADS must be a whole number of"
                        + " threads (1 = single-thread), got '" + s + "'", e);
            }
            if (n < 1) {
                throw new IllegalArgumentException("backprop.threads / BACKPROP_THREADS must be at least 1, got " + n);
            }
        }
        POOL.ensureWorkers(n - 1);
        return n;
    }

    private static Microkernel chooseKernel(String name) {
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        switch (name) {
            case "scalar":
                return ScalarMicrokernel.INSTANCE;
            case "vector":
                if (!vectorModule) {
                    throw new IllegalStateException("backprop.kernel=vector needs the Vector API: start java with"
                            + " --add-modules jdk.incubator.vector, or use backprop.kernel=auto");
                }
                return loadVector();
            case "auto":
                return vectorModule ? loadVector() : ScalarMicrokernel.INSTANCE;
            default:
                throw new IllegalArgumentException("backprop.kernel must be auto, scalar or vector, got '" + name + "'");
        }
    }

    private static Microkernel loadVector() {
        try {
            return (Microkernel) Class.forName("dev.backprop.kernel.VectorMicrokernel").getDeclaredConstructor().newInstance();
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad; // a vector width this CPU does not have: say so rather than run another kernel silently
            }
            return ScalarMicrokernel.INSTANCE;
        } catch (ReflectiveOperationException | LinkageError e) {
            return ScalarMicrokernel.INSTANCE; // the module is there but unusable: the scalar kernel gives the same bits
        }
    }

    /** The vector width asked for ({@code backprop.vector.bits} / {@code BACKPROP_VECTOR_BITS}), or null for the CPU's widest. */
    static String vectorBitsSetting() {
        return setting("backprop.vector.bits", "BACKPROP_VECTOR_BITS", null);
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
