package dev.backprop.kernel;

/**
 * Whether the work a product is done for was asked to stop (a time limit or an interrupt). A long product
 * asks between two panels, so it ends within one panel, and then throws {@link #stopped()} on the thread
 * that asked for it. The kernels know nothing of who asks: the layer that binds work to a tenant (nn's
 * {@code Account}) says who with {@link Kernels#stopWith}.
 */
public interface Stop {
    /** Work done for nobody in particular: never asked to stop. */
    Stop NEVER = new Stop() {
        @Override
        public boolean stopRequested() {
            return false;
        }

        @Override
        public RuntimeException stopped() {
            throw new IllegalStateException("Stop.NEVER is never asked to stop");
        }
    };

    /** Cheap (a volatile read): products call it between every two panels. */
    boolean stopRequested();

    /** The unchecked exception that ends a product stopped this way (the tenant's own type). */
    RuntimeException stopped();
}
