package dev.backprop.plot;

import dev.backprop.io.AtomicFile;
import dev.backprop.nn.ValueError;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as a PNG (JFreeChart's ChartUtils) or SVG (JFreeSVG) file, chosen by the path's
 * extension, replaced all at once ({@link AtomicFile}), so a failed save never leaves half a file. Runs headless (java.awt.headless=true).
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
        AtomicFile.write(path, content(chart, String.valueOf(path.getFileName()), widthPx, heightPx));
    }

    /**
     * The file content for {@code chart} saved under {@code fileName}: PNG or SVG by its extension. The
     * name and sizes are checked here, before any file is touched; the chart is drawn when written.
     */
    public static AtomicFile.Content content(Chart chart, String fileName, int widthPx, int heightPx) {
        Sizes.check("image width", widthPx, 50, 4000);
        Sizes.check("image height", heightPx, 50, 4000);
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new ValueError("plot.save writes .png or .svg files, got '" + fileName
                    + "'; end the file name with .png or .svg");
        }
        return out -> {
            JFreeChart jf = JFreeCharts.of(chart, widthPx, heightPx);
            dev.backprop.nn.Account.checkStop();
            if (png) {
                ChartUtils.writeChartAsPNG(out, jf, widthPx, heightPx);
            } else {
                SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
                jf.draw(g2, new Rectangle(0, 0, widthPx, heightPx));
                dev.backprop.nn.Account.checkStop(); // stopped while drawing: nothing is written
                out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** {@link #content(Chart, String, int, int)} with the chart kind's default pixel size. */
    public static AtomicFile.Content content(Chart chart, String fileName) {
        boolean square = chart instanceof BoundaryChart;
        return content(chart, fileName, square ? 600 : 800, square ? 600 : 500);
    }
}
