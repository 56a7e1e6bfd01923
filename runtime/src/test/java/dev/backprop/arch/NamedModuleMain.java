package dev.backprop.arch;

import dev.backprop.script.Sandbox;
import dev.backprop.script.ScriptError;
import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;

/**
 * Run by {@link NamedModuleTest} in a JVM where the runtime is the named module {@code dev.backprop.runtime}
 * (the tests and the shell put it on the class path, where exports do not apply). Prints the module, its
 * exported packages and what a script that uses the host facades prints.
 */
public final class NamedModuleMain {
    private NamedModuleMain() {
    }

    public static void main(String[] args) {
        Module runtime = Sandbox.class.getModule();
        System.out.println("MODULE: " + runtime.getName());
        System.out.println("EXPORTS: " + runtime.getDescriptor().exports().stream()
                .map(e -> e.source() + (e.isQualified() ? " to " + e.targets() : ""))
                .sorted().collect(Collectors.joining(" ")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox sb = Sandbox.builder().out(out).err(out).build()) {
            sb.eval(args[0]);
            System.out.print("SCRIPT: " + out);
        } catch (ScriptError e) {
            System.out.println("SCRIPT: " + e.errorName() + ": " + e.getMessage());
        }
        System.exit(0);
    }

}
