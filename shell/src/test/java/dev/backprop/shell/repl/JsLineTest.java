package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsLineTest {
    @Test
    void theWordIsTheMemberChainEndingAtTheCursor() {
        assertEquals("net.la", JsLine.at("net.la", 6).word());
        assertEquals("net.layers[0].W", JsLine.at("print(net.layers[0].W", 21).word());
        assertEquals("nn.data.", JsLine.at("let d = nn.data.", 16).word());
        assertEquals("", JsLine.at("x + ", 4).word());
        assertEquals("ne", JsLine.at("net.step", 2).word(), "only up to the cursor");
    }
}
