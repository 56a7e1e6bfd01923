package dev.backprop.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.data.Dataset;
import dev.backprop.data.Generators;
import dev.backprop.nn.Network;
import dev.backprop.nn.ShapeError;
import dev.backprop.nn.ValueError;
import dev.backprop.optim.Adam;
import dev.backprop.train.FitOptions;
import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts as text (plain has no escapes, terminal has colour) and as PNG/SVG files read back and inspected. */
class ChartsTest {
    static Dataset circle;
    static Network trained;
    static History history;

    @BeforeAll
    static void trainOnTheCircle() {
        circle = Generators.circle(200, 0, 1);
        trained = Network.builder(2, 8, 1).activation("relu").output("sigmoid").loss("bce").seed(2).build();
        history = Trainer.fit(trained, circle, FitOptions.defaults().epochs(80).batchSize(20).seed(1)
                .optimizer(new Adam(0.03, 0.9, 0.999, 1e-8)));
    }

    static void assertPlain(String text) {
        assertFalse(text.contains("\u001b"), "plain text has no escape codes");
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127)), "plain text is ASCII:\n" + text);
    }

    static void assertTerminal(String text) {
        assertTrue(text.contains("\u001b[38;5;"), "terminal text has ANSI colour");
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void lineChartAsText() {
        LineChart c = LineChart.of("loss", List.of(Series.of("train", new double[] {1, 0.5, 0.25, 0.125}),
                Series.of("validation", new double[] {1.2, 0.7, Double.NaN, 0.4})), "epoch", "loss", 40, 8);
        String plain = c.render(TextStyle.PLAIN);
        assertPlain(plain);
        assertEquals(plain, c.toString(), "toString is the plain rendering");
        String[] lines = plain.split("\n");
        assertEquals("loss", lines[0].trim(), "the title, centred");
        assertTrue(plain.contains("1.2") && plain.contains("0.125"), "y range labels:\n" + plain);
        assertTrue(plain.contains("* train") && plain.contains("+ validation"), "legend:\n" + plain);
        // the validation series starts at the top left (its 1.2 is the maximum); train ends at the bottom right
        int firstPlotRow = 2;
        assertTrue(lines[firstPlotRow].matches("\\s*1\\.2 \\|\\+.*"), lines[firstPlotRow]);
        assertTrue(lines[firstPlotRow + 7].endsWith("*"), lines[firstPlotRow + 7]);
        String term = c.render(TextStyle.TERMINAL);
        assertTerminal(term);
        assertTrue(term.chars().anyMatch(ch -> ch >= 0x2801 && ch <= 0x28FF), "braille dots");
    }

    @Test
    void histogramCountsAndText() {
        Histogram h = Histogram.of("w", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 4);
        assertArrayEquals(new long[] {2, 2, 2, 2, 2}, h.counts());
        Histogram skewed = Histogram.of("", new double[] {0, 0, 0, 1, Double.NaN}, 2, 4);
        assertArrayEquals(new long[] {3, 1}, skewed.counts(), "the maximum falls in the last bin; NaN is skipped");
        String plain = skewed.render(TextStyle.PLAIN);
        assertPlain(plain);
        assertTrue(plain.contains("n = 4, mean 0.25, std 0.433, 1 non-finite skipped"), plain);
        // bars of 3 cells (a gap last) on the axes: bin 0 is 3/3 of 4 rows, bin 1 is 1/3 of 32 eighths = 11 ('#' + '.')
        assertEquals(List.of("3 |##", "  |##", "  |## ..", "0 |## ##", "  +------"),
                plain.lines().limit(5).map(String::stripTrailing).toList(), plain);
        assertTerminal(skewed.render(TextStyle.TERMINAL));
        assertEquals("a histogram needs at least one finite value, got 1 values, none finite",
                assertThrows(ValueError.class, () -> Histogram.of("", new double[] {Double.NaN})).getMessage());
    }

    @Test
    void boundaryShowsTheDiscInsideTheRing() {
        BoundaryChart b = BoundaryChart.of("circle", trained, circle, 40, 20);
        assertTrue(b.accuracy() >= 0.97, "trained accuracy " + b.accuracy());
        String plain = b.render(TextStyle.PLAIN);
        assertPlain(plain);
        String[] lines = plain.split("\n", -1);
        String middle = lines[1 + 10];
        assertEquals('.', regionAt(middle, 20), "class 1 (the disc) in the middle:\n" + plain);
        assertEquals(' ', regionAt(lines[1], 0), "class 0 (the ring) in the corner:\n" + plain);
        assertTrue(plain.contains("o") && plain.contains("x"), "points of both classes are marked");
        assertTrue(plain.contains("accuracy "), plain);
        assertTerminal(b.render(TextStyle.TERMINAL));
        assertTrue(b.render(TextStyle.TERMINAL).contains("\u001b[48;5;"), "regions as background colour");
    }

    /** The region character at column c, or the one beside it when a point covers it. */
    static char regionAt(String line, int c) {
        for (int d = 0; d < 4; d++) {
            for (int cc : new int[] {c - d, c + d}) {
                if (cc >= 0 && cc < line.length() && (line.charAt(cc) == '.' || line.charAt(cc) == ' ')) {
                    return line.charAt(cc);
                }
            }
        }
        return c < line.length() ? line.charAt(c) : ' ';
    }

    @Test
    void boundaryNeedsTwoInputs() {
        Network three = Network.builder(3, 1).seed(1).build();
        assertEquals("a boundary plot needs a network with 2 inputs, got one with 3; plot a 2-feature dataset such as"
                + " nn.data.circle()", assertThrows(ShapeError.class, () -> BoundaryChart.of("", three, circle))
                        .getMessage());
    }

    @Test
    void pngFilesOfABoundaryAndALossCurve(@TempDir Path dir) throws Exception {
        Path boundary = dir.resolve("boundary.png");
        ChartFiles.save(BoundaryChart.of("circle after training", trained, circle), boundary);
        BufferedImage img = ImageIO.read(boundary.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(600, img.getHeight());
        assertTrue(distinctColours(img) > 100, "regions shaded by confidence: " + distinctColours(img));
        assertTrue(nonWhiteShare(img) > 0.5, "regions fill the plot: " + nonWhiteShare(img));
        int centre = img.getRGB(img.getWidth() / 2 + 20, img.getHeight() / 2);
        assertTrue((centre & 0xff) > (centre >> 16 & 0xff), "the disc (class 1) is blue: " + Integer.toHexString(centre));

        Path loss = dir.resolve("loss.PNG");
        ChartFiles.save(LineChart.of("training loss", List.of(Series.of("loss", history.loss())), "epoch", "loss",
                60, 15), loss, 640, 400);
        BufferedImage li = ImageIO.read(loss.toFile());
        assertEquals(640, li.getWidth());
        assertEquals(400, li.getHeight());
        assertTrue(distinctColours(li) > 20, "antialiased line and text: " + distinctColours(li));
        double ink = nonWhiteShare(li);
        assertTrue(ink > 0.02 && ink < 0.9, "a drawn chart, not blank and not filled: " + ink);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void svgFilesAndBadExtensions(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("hist.svg");
        ChartFiles.save(Histogram.of("weights", trained.param("W1").value().toArray()), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.trim().endsWith("</svg>"), text.substring(0, 200));
        assertTrue(text.contains("weights"), "the title is in the SVG");
        assertEquals("plot.save writes .png or .svg files, got 'plot.jpg'; end the file name with .png or .svg",
                assertThrows(ValueError.class, () -> ChartFiles.save(Histogram.of("", new double[] {1}),
                        dir.resolve("plot.jpg"))).getMessage());
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    static double nonWhiteShare(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    n++;
                }
            }
        }
        return (double) n / ((long) img.getWidth() * img.getHeight());
    }
}
