package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

/** Candidates come from the live values: members after a dot, globals and keywords otherwise. */
class JsCompleterTest {
    final Map<String, List<String>> live = Map.of(
            "net", List.of("forward", "backward", "step", "layers", "0bad"),
            "net.layers[0]", List.of("W", "b", "delta"));
    final JsCompleter completer = new JsCompleter(() -> List.of("nn", "net", "print", "plot"),
            e -> live.getOrDefault(e, List.of()));

    List<String> values(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, JsLine.at(line, line.length()), out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void membersOfTheValueBeforeTheDot() {
        assertEquals(List.of("net.forward", "net.backward", "net.step", "net.layers"), values("net."),
                "names that are not identifiers are left out");
        assertEquals(List.of("net.layers[0].W", "net.layers[0].b", "net.layers[0].delta"), values("print(net.layers[0]."));
        assertEquals(List.of(), values("nothing."));
    }

    @Test
    void globalsAndKeywordsByPrefix() {
        assertEquals(List.of("net", "new", "nn", "null"), values("n"));
        assertTrue(values("").containsAll(List.of("print", "plot", "function", "while")));
    }

    @Test
    void dotCommandsAtTheStartOfALine() {
        assertTrue(values(".s").containsAll(List.of(".save", ".help", ".undo")));
    }
}
