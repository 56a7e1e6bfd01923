package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.Ansi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people see for each kind of result: the sandbox's one formatter, laid out for the prompt. */
class PrinterTest {
    static final Sandbox BOX = Sandbox.builder().timeLimit(null).build();
    final Printer plain = new Printer(false);

    @org.junit.jupiter.api.AfterAll
    static void close() {
        BOX.close();
    }

    String show(String js) {
        return plain.format(BOX.eval(js, "<t>").value(), BOX::displayResult);
    }

    /** What you type, then what the prompt shows: one row a case. */
    @ParameterizedTest(name = "{0}  →  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # numbers to six significant digits
            1 + 1                    | 2
            2 / 3                    | 0.666667
            123456.7                 | 123457
            12345678.9               | 1.23457e+7
            -0.04322858              | -0.0432286
            1.5e-7                   | 1.5e-7
            0/0                      | NaN
            null                     | null
            # mixed arrays of every shape, element by element
            # (the printer once sampled three elements (0, n/2, n−1) and crashed on the others)
            [1, 'x', 3, 4, 5]        | [1, 'x', 3, 4, 5]
            ['x', 1, 2]              | ['x', 1, 2]
            [1, 2, 'x']              | [1, 2, 'x']
            [1, null, 3, 4]          | [1, null, 3, 4]
            [1, undefined, 3, 4]     | [1, undefined, 3, 4]
            [1, true, 3, 4]          | [1, true, 3, 4]
            [1, { a: 1 }, 3, 4]      | [1, { a: 1 }, 3, 4]
            [1, [2], 3, 4]           | [1, [2], 3, 4]
            # a hole
            [1, , 3, 4]              | [1, undefined, 3, 4]
            # mixed grids are not tables
            [[1, 2, 3, 4], [5, 'x', 7, 8]] | [[1, 2, 3, 4], [5, 'x', 7, 8]]
            [['x', 2], [3, 4]]       | [['x', 2], [3, 4]]
            [[1, 2], [3]]            | [[1, 2], [3]]
            [[1, 2], 3]              | [[1, 2], 3]
            """)
    void shownAs(String typed, String shown) {
        assertEquals(shown, show(typed));
    }

    @Test
    void undefinedPrintsNothingAsAfterADeclaration() {
        assertEquals("", show("undefined"));
    }

    /** The shell's former Java rule (BigDecimal in range, Java's %.5e outside it) as the oracle for the prelude's. */
    static String javaSixDigits(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e7) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(java.util.Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + (s.charAt(e + 1) == '-' ? "-" : "+") + s.substring(e + 2).replaceFirst("^0+(?=\\d)", "");
    }

    @Test
    void sixDigitsAsJavasFormatterRoundsThem() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(13);
        java.util.List<Double> vs = new java.util.ArrayList<>(java.util.List.of(1.234565e-5, -9.999995e-8, 9999999.7,
                1234567.8, 0.00012345650, 2.5e-300, 1.7976931348623157e308, -4.9e-324, 0.5, 1e15, 1e15 + 0.5, 123456.75,
                -0.0));
        for (int i = 0; i < 300; i++) {
            vs.add((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 13)));
        }
        StringBuilder js = new StringBuilder("[");
        for (double v : vs) {
            js.append(js.length() > 1 ? ", " : "").append(Double.toString(v).replace("Infinity", "1/0"));
        }
        org.graalvm.polyglot.Value arr = BOX.eval(js.append("]").toString(), "<t>").value();
        for (int i = 0; i < vs.size(); i++) {
            assertEquals(javaSixDigits(vs.get(i)), show("(" + Double.toString(vs.get(i)) + ")"), "value " + vs.get(i));
        }
        assertEquals(vs.size(), arr.getArraySize());
    }

    @Test
    void arraysOnOneLineAndLongOnesElidedWithTheirLength() {
        assertEquals("[0.5, 0.9]", show("[0.5, 0.9]"));
        String big = show("Array.from({length: 1000}, (_, i) => i)");
        assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, …, 992, 993, 994, 995, 996, 997, 998, 999]  (length 1000)", big);
        assertEquals("[1, 'a', [2, 3]]", show("[1, 'a', [2, 3]]"));
        assertEquals("[0.25, 0.5]", show("new Float64Array([0.25, 0.5])"));
    }

    @Test
    void longMixedArraysAreElidedAroundTheOddElement() {
        String early = show("Array.from({length: 1000}, (_, i) => i === 3 ? 'x' : i)");
        assertTrue(early.startsWith("[0, 1, 2, 'x', 4, 5, 6, 7, …"), early);
        String middle = show("Array.from({length: 1000}, (_, i) => i === 500 ? 'x' : i)");
        assertTrue(middle.startsWith("[0, 1, 2, 3, 4, 5, 6, 7, …, 992"), middle);
        String late = show("Array.from({length: 1000}, (_, i) => i === 996 ? 'x' : i)");
        assertTrue(late.endsWith("995, 'x', 997, 998, 999]"), late);
    }

    @Test
    void aLargeMixedGridIsNotATable() {
        String big = show("Array.from({length: 50}, (_, i) => Array.from({length: 30}, (_, j) => i === 2 && j === 1 ? 'x' : j))");
        assertFalse(big.contains("50×30"), big);
        assertTrue(big.contains("'x'"), big);
    }

    @Test
    void lookAlikesAreShownAsTheObjectsTheyAre() {
        // the old printer took any object with shape and toArray for a matrix and called its methods
        assertEquals("{ shape: [1, 2], toArray: [Function: toArray] }",
                show("({ shape: [1, 2], toArray() { return ['a', 1] } })"));
        assertEquals("{ summary: [Function: summary], forward: [Function: forward], backward: [Function: backward] }",
                show("({ summary() { return 'Network' }, forward() {}, backward() {} })"));
    }

    @Test
    void matricesAsAlignedTablesWithTheirShape() {
        assertEquals("2×2\n[[0.15,  0.2],\n [0.25, -0.3]]", show("[[0.15, 0.2], [0.25, -0.3]]"));
        String big = show("Array.from({length: 50}, (_, i) => Array.from({length: 30}, (_, j) => i * 30 + j))");
        String[] lines = big.split("\n");
        assertEquals("50×30", lines[0]);
        assertEquals(1 + 11, lines.length, "5 rows, ⋮, 5 rows");
        assertTrue(lines[1].equals("[[   0,    1,    2,    3, …,   26,   27,   28,   29],"), lines[1]);
        assertTrue(lines[6].contains("⋮"), lines[6]);
        assertTrue(lines[11].endsWith("1499]]"), lines[11]);
    }

    @Test
    void networksParamsAndMatricesByTheirShape() {
        // the lesson's network: W1 = [0.15, 0.20; 0.25, 0.30], b1 = [0.35, 0.35] frozen
        assertEquals(BOX.eval("nn.toy().summary()", "<t>").value().asString(), show("nn.toy()"));
        assertEquals("Param W1 [2, 2]\n[[0.15, 0.2],\n [0.25, 0.3]]", show("nn.toy().layers[0].W"));
        assertEquals("Param b1 [1, 2] (frozen)\n[[0.35, 0.35]]", show("nn.toy().layers[0].b"));
        assertEquals("Matrix [1, 2]\n[[0.5, 0.9]]", show("nn.matrix(1, 2, [0.5, 0.9])"));
    }

    @Test
    void objectsFunctionsAndStrings() {
        assertEquals("{ loss: [0.3, 0.2], epochs: 2 }", show("({ loss: [0.3, 0.2], epochs: 2 })"));
        assertEquals("[Function: twice]", show("function twice(x) { return 2 * x }; twice"));
        assertEquals("'hi'", show("'hi'"));
        assertEquals("line 1\nline 2", show("'line 1\\nline 2'"), "multi-line text as it reads");
        assertEquals("['x\\ny', 'q']", show("['x\\ny', 'q']"), "inside an array, a newline is shown escaped");
    }

    @Test
    void cyclesAreMarkedAsPrintMarksThem() {
        assertEquals("{ v: 1, me: [Circular] }", show("const cyc1 = { v: 1 }; cyc1.me = cyc1; cyc1"));
        assertEquals("[1, [Circular]]", show("const cyc2 = [1]; cyc2.push(cyc2); cyc2"));
        assertEquals("{ a: { x: 1 }, b: { x: 1 } }", show("const shared1 = { x: 1 }; ({ a: shared1, b: shared1 })"), "shared, not a cycle");
    }

    @Test
    void errorsInRedWithTheInputLineAndACaret() {
        String e = new Printer(true).error("ShapeError: forward expects 2 inputs per example, got 3", "<shell>:1:13",
                "net.forward([1, 2, 3])", 13);
        assertTrue(e.startsWith("\u001b[31mShapeError: forward expects 2 inputs"), e);
        String p = Ansi.strip(e);
        assertEquals("ShapeError: forward expects 2 inputs per example, got 3\n"
                + "  at <shell>:1:13: net.forward([1, 2, 3])\n"
                + "                               ^", p);
        assertFalse(plain.error("TypeError: x is not a function", "<shell>:1:1", null, -1).contains("\u001b"));
    }

    /** Values with no layout of their own (mixed arrays) read the same as print shows them. */
    @Test
    void mixedArraysReadAsPrintShowsThem() {
        for (String js : new String[] {"[1, 'x', 3, 4, 5]", "[[1, 2, 3, 4], [5, 'x', 7, 8]]"}) {
            assertEquals(BOX.display(BOX.eval(js, "<t>").value(), false), show(js));
        }
    }

    @Test
    void errorsShowTheScriptsControlCharactersEscaped() {
        for (Printer p : new Printer[] {plain, new Printer(true)}) {
            String shown = p.error("Error: \u001b[2K\rall good", "a\u001b[1A.js:1:9", "'\u001b[2K'; boom()", 9);
            assertFalse(shown.contains("\u001b[2K") || shown.contains("\u001b[1A") || shown.contains("\r"), shown);
            String visible = Ansi.strip(shown);
            assertTrue(visible.startsWith("Error: \\u001b[2K\\u000dall good\n  at a\\u001b[1A.js:1:9: '\\u001b[2K'; boom()"),
                    visible);
            // the caret still points at column 9 of the input (boom), counting the escape before it as shown
            String[] lines = visible.split("\n");
            assertEquals(lines[1].indexOf("boom"), lines[2].indexOf('^'), visible);
        }
    }

    @Test
    void projectObjectsFromARealSandbox() {
        try (Sandbox box = Sandbox.builder().timeLimit(null).build()) {
            box.eval("nn.seed(1); var net = nn.net([2, 2, 1]); var W = net.layers[0].W", "<t>");
            java.util.function.BiFunction<String, Printer, String> show = (js, p) ->
                    p.format(box.eval(js, "<t>").value(), box::displayResult);
            String params = show.apply("net.params()", plain);
            assertFalse(params.contains("{}"), params);
            assertTrue(params.startsWith("[Param "), params);
            String layer = show.apply("net.layers[0]", plain);
            assertFalse(layer.equals("{}"), layer);
            assertEquals(box.display(box.eval("net.layers[0]", "<t>").value(), false), layer);
            String xor = show.apply("nn.data.xor()", plain);
            assertFalse(xor.contains("{}"), xor);
            String obj = show.apply("({m: W})", plain);
            assertTrue(obj.startsWith("{ m: Param "), obj);
            String chart = show.apply("plot.line([1, 3, 2, 5, 4])", plain);
            assertFalse(chart.contains("{}") || chart.contains("\u001b"), chart);
            assertTrue(chart.lines().count() > 3, chart);
            String coloured = show.apply("plot.line([1, 3, 2, 5, 4])", new Printer(true));
            assertTrue(coloured.contains("\u001b[38;5;"), "a chart in a colour shell is drawn with colour");
            assertTrue(coloured.chars().anyMatch(ch -> ch >= 0x2801 && ch <= 0x28FF), "braille dots:\n" + coloured);
            // the aligned tables stay for top-level parameters
            assertTrue(show.apply("W", plain).startsWith("Param W1 [2, 2]\n[["), show.apply("W", plain));
        }
    }
}
