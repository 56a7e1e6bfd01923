package dev.backprop.script.js;

import dev.backprop.plot.Chart;
import dev.backprop.plot.TextStyle;
import org.graalvm.polyglot.HostAccess.Export;

/** A chart as scripts hold it: drawn as text when printed, saved by {@code plot.save}. */
public record ChartFacade(Chart chart) {
    /** The chart as text: Unicode and ANSI colour for a terminal, plain ASCII otherwise. */
    @Export
    public String render(boolean terminal) {
        return chart.render(terminal ? TextStyle.TERMINAL : TextStyle.PLAIN);
    }

    @Export
    public String title() {
        return chart.title();
    }
}
