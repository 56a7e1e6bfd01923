package dev.backprop.script;

import dev.backprop.kernel.KernelConfig;
import java.util.Locale;

/**
 * Which runtime this process gives sandboxes: the JavaScript runtime's name ({@code "GraalVM CE"} when
 * Truffle compiles scripts, {@code "Interpreted"} when it does not), whether it is the optimizing one, the
 * dense-product kernel ({@code "scalar"} or {@code "vector-<bits>"}) and the Java version. See
 * {@link Sandbox#runtimeInfo()}; docs/embedding.md says how a JVM gets the optimizing runtime.
 *
 * @param runtime the polyglot engine's implementation name
 * @param optimizing whether scripts are compiled by the Graal compiler (false: interpreted only)
 * @param kernel the microkernel of the dense products (the same bits either way)
 * @param javaVersion {@code java.version} of the running JVM
 */
public record RuntimeInfo(String runtime, boolean optimizing, String kernel, String javaVersion) {

    /** The facts of this JVM (starts the shared engine if no sandbox has yet). */
    static RuntimeInfo current() {
        String name = Sandbox.engine().getImplementationName();
        boolean optimizing = !name.toLowerCase(Locale.ROOT).contains("interpreted");
        return new RuntimeInfo(name, optimizing, KernelConfig.kernelName(), System.getProperty("java.version"));
    }
}
