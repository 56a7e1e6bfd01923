package dev.backprop.shell.repl;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** A bare GraalJS context for tests: the JS parser as the independent judge of complete input. */
final class Js {
    static final Context CONTEXT = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();

    private Js() {
    }

    static boolean incomplete(String code) {
        try {
            CONTEXT.parse(Source.create("js", code));
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource();
        }
    }

    static org.graalvm.polyglot.Value eval(String code) {
        return CONTEXT.eval("js", code);
    }
}
