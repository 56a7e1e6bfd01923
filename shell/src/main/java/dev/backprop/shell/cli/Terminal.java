package dev.backprop.shell.cli;

import java.io.Console;

/** Whether standard output is an interactive terminal (progress bars and colours are allowed then). */
final class Terminal {
    private Terminal() {
    }

    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Console.isTerminal() exists from JDK 22; on 21 a non-null console means a terminal
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
