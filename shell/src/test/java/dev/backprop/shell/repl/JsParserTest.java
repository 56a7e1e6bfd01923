package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enter continues the input exactly when the JS parser says it is incomplete. */
class JsParserTest {
    final JsParser parser = new JsParser(Js::incomplete);

    @ParameterizedTest
    @ValueSource(strings = {"function f(x) {", "[1, 2,", "let t = `a ${1 +", "net.forward([0.5,", "if (x)"})
    void openInputContinues(String line) {
        assertThrows(EOFError.class, () -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + 1", "let s = '{'", "// just a comment {", "`${'}'}`", ".help", ".load a{.js", "",
        "let x = )"})
    void completeOrBrokenInputRuns(String line) {
        assertDoesNotThrow(() -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE),
                "a syntax error is not 'incomplete': it runs and reports the error");
    }

    @Test
    void completionIsNotBlockedByOpenBrackets() {
        assertEquals("net.", parser.parse("print(net.", 10, ParseContext.COMPLETE).word());
    }

    @Test
    void aFunctionTypedOverThreeLinesArrivesAsOneInput() throws Exception {
        String typed = "function twice(x) {\r  return 2 * x\r}\r";
        var out = new ByteArrayOutputStream();
        try (var t = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).parser(parser).build();
            assertEquals("function twice(x) {\n  return 2 * x\n}", reader.readLine("> "));
        }
    }
}
