package dev.backprop.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.explain.Walkthrough;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The animation's frame sequence for the lesson's net: headers, lit columns, δ under nodes, the loss ticking down. */
class FramesTest {
    static final Walkthrough LESSON = Walkthrough.of(Network.toy(false), Matrix.of(1, 2, 0.5, 0.9), Matrix.of(1, 1, 1.0), 0.5);

    static String text(List<String> frame) {
        return String.join("\n", frame);
    }

    @Test
    void oneFramePerBeatAllTheSameHeightWithTheHeaderFlippingAndFlippingBack() {
        List<List<String>> frames = Frames.of(LESSON, false, 100);
        assertEquals(9, frames.size());
        for (List<String> f : frames) {
            assertEquals(frames.get(0).size(), f.size(), "frames redraw in place, so they share one height");
        }
        String headers = "";
        for (List<String> f : frames) {
            headers += f.get(0).contains("forward →") ? "F" : f.get(0).contains("← backward") ? "B" : "?";
        }
        assertEquals("FFFBBBBBF", headers);
    }

    @Test
    void theNetworkIsDrawnWithNodesAndBoxDrawingWires() {
        List<String> first = Frames.of(LESSON, false, 100).get(0);
        assertEquals("input            hidden           output", first.get(2));
        assertEquals("● 0.500 ─────┬───● 0.647 ─────┐", first.get(3));
        assertEquals("             │                ├───○", first.get(4), "the output is not computed yet");
        assertEquals("● 0.900 ─────┴───● 0.678 ─────┘", first.get(6));
    }

    @Test
    void deltasAppearUnderTheirNodesRightToLeftAndTheClosingBeatShowsTheLossTickingDown() {
        List<String> frames = Frames.of(LESSON, false, 100).stream().map(FramesTest::text).toList();
        assertFalse(frames.get(2).contains("δ "), "no δ during the forward beats");
        assertTrue(frames.get(3).contains("δ −0.043") && !frames.get(3).contains("δ −0.004"), "output δ first");
        assertTrue(frames.get(5).contains("δ −0.043") && frames.get(5).contains("δ −0.004"), "then the hidden δ");
        String last = frames.get(8);
        assertTrue(last.contains("● 0.766"), last);
        assertTrue(last.contains("L = 0.028 → 0.027 ↓"), last);
        assertTrue(last.contains("ŷ ≈ 0.766"), last);
    }

    @Test
    void forwardBeatsLightAmberLeftToRightAndBackwardBeatsOrangeRightToLeft() {
        List<String> frames = Frames.of(LESSON, true, 100).stream().map(FramesTest::text).toList();
        int hidden = column(frames.get(0), Ansi.AMBER.paint("● 0.647", true));
        int output = column(frames.get(1), Ansi.AMBER.paint("● 0.762", true));
        assertTrue(hidden >= 0 && output > hidden, "forward: hidden lit, then the output to its right");
        int deltaOut = column(frames.get(3), Ansi.ORANGE.paint("δ −0.043", true));
        int deltaHidden = column(frames.get(5), Ansi.ORANGE.paint("δ −0.004", true));
        assertTrue(deltaHidden >= 0 && deltaOut > deltaHidden, "backward: output δ, then the hidden δ to its left");
        assertTrue(frames.get(0).startsWith(Ansi.AMBER.paint("forward →", true)));
        assertTrue(frames.get(4).contains(Ansi.ORANGE.paint("← backward", true)));
    }

    @Test
    void withoutColourThereAreNoEscapesAndTheTextIsTheSame() {
        List<List<String>> plain = Frames.of(LESSON, false, 100);
        List<List<String>> color = Frames.of(LESSON, true, 100);
        for (int k = 0; k < plain.size(); k++) {
            assertFalse(Ansi.hasEscapes(text(plain.get(k))));
            assertTrue(Ansi.hasEscapes(text(color.get(k))));
            assertEquals(text(plain.get(k)), Ansi.strip(text(color.get(k))));
        }
    }

    @Test
    void narrationWrapsToTheWidth() {
        for (List<String> f : Frames.of(LESSON, false, 60)) {
            for (String line : f.subList(f.size() - 4, f.size())) {
                assertTrue(line.length() <= 60, line);
            }
        }
    }

    /** Column of the first occurrence of needle in any line, or −1. */
    private static int column(String frame, String needle) {
        for (String line : frame.split("\n")) {
            int i = line.indexOf(needle);
            if (i >= 0) {
                return Ansi.strip(line.substring(0, i)).length();
            }
        }
        return -1;
    }
}
