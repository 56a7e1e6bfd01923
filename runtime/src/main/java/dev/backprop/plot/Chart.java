package dev.backprop.plot;

/**
 * A chart that draws itself as text ({@link #render}) and can be written as PNG or SVG by
 * {@link ChartFiles}. The data are copied when the chart is made, so a chart is a snapshot; printed, it is its
 * plain-text rendering.
 */
public abstract sealed class Chart permits LineChart, BoundaryChart, Histogram {
    private final String title;

    Chart(String title) {
        this.title = title == null ? "" : title;
    }

    /** The title, or an empty string. */
    public String title() {
        return title;
    }

    /** The chart as lines of text, each ending in a newline. */
    public abstract String render(TextStyle style);

    /** The plain-text rendering. */
    @Override
    public final String toString() {
        return render(TextStyle.PLAIN);
    }
}
