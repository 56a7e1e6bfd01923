package dev.backprop.script;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Run in a fresh JVM by {@link AttackPassTest}: one tenant's script ({@code args[0]}), then a second
 * tenant's ({@code args[1]}) in a new sandbox of the same JVM. Prints {@code NEXT: ok <value>} or
 * {@code NEXT: <error name>: <message>} for the second. A fresh JVM, because the attack is on classes
 * initialised for the first time, and it would break every later test of a shared one.
 */
public final class PoisonedClassInitMain {
    private PoisonedClassInitMain() {
    }

    public static void main(String[] args) {
        try (Sandbox sb = Sandbox.builder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .timeLimit(Duration.ofSeconds(60)).build()) {
            sb.eval(args[0]);
        } catch (ScriptError e) {
            System.out.println("ATTACKER: " + e.errorName() + ": " + e.getMessage());
        }
        try (Sandbox sb = Sandbox.builder().out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .timeLimit(Duration.ofSeconds(60)).build()) {
            System.out.println("NEXT: ok " + sb.eval(args[1]).value());
        } catch (ScriptError e) {
            System.out.println("NEXT: " + e.errorName() + ": " + e.getMessage());
        }
        System.exit(0);
    }
}
