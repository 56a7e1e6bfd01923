package dev.backprop.bench;

import dev.backprop.kernel.KernelConfig;

/**
 * What this JVM runs the kernels with, for the host line of every bench report:
 * {@code HOST kernel vector-512 threads 2 processors 2}. Start it with the same JVM flags as the
 * benchmark it describes (the kernel is vector only with {@code --add-modules jdk.incubator.vector}).
 */
public final class Host {
    private Host() {
    }

    public static void main(String[] args) {
        System.out.println("HOST kernel " + KernelConfig.kernelName() + " threads " + KernelConfig.threads()
                + " processors " + Runtime.getRuntime().availableProcessors());
    }
}
