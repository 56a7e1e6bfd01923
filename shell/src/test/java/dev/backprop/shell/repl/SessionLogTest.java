package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
    @Test
    void theSavedScriptIsTheInputsInOrderAndParsesAsJavaScript(@TempDir Path dir) throws Exception {
        SessionLog log = new SessionLog();
        log.add("function twice(x) {\n  return 2 * x\n}");
        log.add("let y = twice(21)  ");
        log.add("net.step(0.5)");
        assertEquals(true, log.dropLast(), "undo drops the latest input");
        log.add("print(y)");
        Path file = dir.resolve("s.js");
        log.save(file);
        String text = Files.readString(file);
        assertEquals("// saved from the backprop shell (values it displayed are printed)\n"
                + "function twice(x) {\n  return 2 * x\n};\nlet y = twice(21);\nprint(y);\n", text);
        assertFalse(Js.incomplete(text));
        assertEquals(List.of(), Files.list(dir).filter(p -> !p.equals(file)).toList(), "no temporary file left behind");
    }

    @Test
    void inputsAreTerminatedSoNoTwoJoinAndDisplayedExpressionsArePrinted() {
        SessionLog log = new SessionLog();
        log.add("const cfg = { lr: 0.5 }");
        log.add("[1, 2].forEach(x => print(x * cfg.lr))");
        log.add("let z = 3 // a note");
        log.add("(z + 1)", true);
        log.add("cfg.lr // the rate", true);
        assertEquals("// saved from the backprop shell (values it displayed are printed)\n"
                + "const cfg = { lr: 0.5 };\n"
                + "[1, 2].forEach(x => print(x * cfg.lr));\n"
                + "let z = 3 // a note\n;\n"
                + "print((z + 1));\n"
                + "print(cfg.lr // the rate\n);\n", log.script());
        assertFalse(Js.incomplete(log.script()));
    }

    @Test
    void dotCommandsAreToldFromJavaScript() {
        assertEquals(true, DotCommand.isCommand(".save x.js"));
        assertEquals(false, DotCommand.isCommand(".5 + 1"));
        assertEquals(DotCommand.EXPLAIN, DotCommand.parse(".explain net 0.1").orElseThrow().command());
        assertEquals("net 0.1", DotCommand.parse(".explain net 0.1").orElseThrow().argument());
        assertEquals(true, DotCommand.parse(".nope").isEmpty());
    }
}
