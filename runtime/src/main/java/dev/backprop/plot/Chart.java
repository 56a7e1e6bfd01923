package dev.backprop.plot;

/**
 * A chart that draws itself as text ({@link #render}) and can be written as PNG or SVG by
 * {@link ChartFiles}. The data are copied when the chart is made, so a chart is a snapshot.
 */
public sealed interface Chart permits LineChart, BoundaryChart, Histogram {
    /** The title, or an empty string. */
    String title();

    /** The chart as lines of text, each ending in a newline. */
    String render(TextStyle style);
}
