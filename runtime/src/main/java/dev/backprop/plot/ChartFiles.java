package dev.backprop.plot;

import dev.backprop.nn.ValueError;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as a PNG (JFreeChart's ChartUtils) or SVG (JFreeSVG) file, chosen by the path's
 * extension. The file is written to a temporary sibling first and then moved into place, so a failed
 * save never leaves half a file. Runs headless (java.awt.headless=true).
 */
public final class ChartFiles {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartFiles() {
    }

    /** Saves with the chart kind's default pixel size (line and histogram 800×500, boundary 600×600). */
    public static void save(Chart chart, Path path) throws IOException {
        boolean square = chart instanceof BoundaryChart;
        save(chart, path, square ? 600 : 800, square ? 600 : 500);
    }

    /** Saves {@code chart} to {@code path} (already resolved and allowed by the caller) as .png or .svg. */
    public static void save(Chart chart, Path path, int widthPx, int heightPx) throws IOException {
        Sizes.check("image width", widthPx, 50, 4000);
        Sizes.check("image height", heightPx, 50, 4000);
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new ValueError("plot.save writes .png or .svg files, got '" + path.getFileName()
                    + "'; end the file name with .png or .svg");
        }
        JFreeChart jf = JFreeCharts.of(chart, widthPx, heightPx);
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (png) {
                    ChartUtils.writeChartAsPNG(out, jf, widthPx, heightPx);
                } else {
                    SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
                    jf.draw(g2, new Rectangle(0, 0, widthPx, heightPx));
                    out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
                }
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
