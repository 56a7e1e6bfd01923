package dev.backprop.script.js;

import dev.backprop.data.Csv;
import dev.backprop.data.CsvOptions;
import dev.backprop.data.Dataset;
import dev.backprop.data.Generators;
import dev.backprop.data.Idx;
import dev.backprop.io.OpenedFile;
import dev.backprop.plot.BoundaryChart;
import dev.backprop.plot.ChartFiles;
import dev.backprop.plot.Histogram;
import dev.backprop.plot.LineChart;
import dev.backprop.plot.Series;
import dev.backprop.train.Accuracy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;

/** The host side of {@code nn.data}, {@code nn.accuracy} and {@code plot}; the prelude shapes the options. */
public final class DataAndPlots {
    private final Host host;

    DataAndPlots(Host host) {
        this.host = host;
    }

    @Export
    public DataFacade xor() {
        return new DataFacade(Generators.xor());
    }

    /** circle, spiral, gaussian or moons. */
    @Export
    public DataFacade generate(String kind, int n, double noise, long seed) {
        return new DataFacade(switch (kind) {
            case "circle" -> Generators.circle(n, noise, seed);
            case "spiral" -> Generators.spiral(n, noise, seed);
            case "gaussian" -> Generators.gaussian(n, noise, seed);
            default -> Generators.moons(n, noise, seed);
        });
    }

    /** {@code nn.data.csv(path, { target, oneHot, header })}; target is a column name, an index, or null (the last). */
    @Export
    public DataFacade csv(String path, Value target, boolean oneHot, boolean header) throws IOException {
        CsvOptions o = CsvOptions.defaults().header(header).oneHot(oneHot).maxElements(host.elementLimit());
        if (target != null && target.isString()) {
            o = o.target(target.asString());
        } else if (target != null && target.isNumber()) {
            o = o.target(target.asInt());
        }
        try (OpenedFile file = host.openRead(path)) {
            return dataset(new DataFacade(Csv.read(file, o)), path);
        }
    }

    @Export
    public DataFacade idx(String images, String labels, double scale) throws IOException {
        try (OpenedFile im = host.openRead(images); OpenedFile lb = host.openRead(labels)) {
            return dataset(new DataFacade(Idx.read(im, lb, scale, host.elementLimit())), images);
        }
    }

    @Export
    public DataFacade of(MatrixFacade x, MatrixFacade y) {
        return new DataFacade(Dataset.of(x.matrix(), y.matrix()));
    }

    @Export
    public double accuracy(NetworkFacade net, DataFacade data) {
        return Accuracy.of(net.network(), data.dataset());
    }

    /** {@code plot.line}: names[i] with values ys[i] (flat, one array per series). */
    @Export
    public ChartFacade line(String title, Value names, Value ys, int width, int height) {
        List<Series> series = new ArrayList<>();
        for (long i = 0; i < names.getArraySize(); i++) {
            series.add(Series.of(names.getArrayElement(i).asString(), doubles(ys.getArrayElement(i))));
        }
        return new ChartFacade(LineChart.of(title, series, "", "", width, height));
    }

    @Export
    public ChartFacade boundary(String title, NetworkFacade net, DataFacade data, int width, int height) {
        return new ChartFacade(BoundaryChart.of(title, net.network(), data.dataset(), width, height));
    }

    @Export
    public ChartFacade histogram(String title, MatrixFacade values, int bins, int height) {
        return new ChartFacade(Histogram.of(title, values.matrix().toArray(), bins, height));
    }

    /** {@code plot.save(chart, path)}: PNG or SVG by the file's extension, inside the write root. */
    @Export
    public void save(ChartFacade chart, String path) throws IOException {
        java.nio.file.Path p = host.writePath(path);
        // the name is checked (.png or .svg) before the file is touched; a refused save records nothing
        host.save(p, ChartFiles.content(chart.chart(), String.valueOf(p.getFileName())));
    }

    /** A JS array of numbers, read once (charts copy their data). */
    private static double[] doubles(Value v) {
        double[] out = new double[(int) v.getArraySize()];
        for (int i = 0; i < out.length; i++) {
            dev.backprop.nn.Account.checkStopAt(i); // a long series ends at a time limit or an interrupt
            out[i] = v.getArrayElement(i).asDouble();
        }
        return out;
    }

    /** A dataset read from a file (its matrices were charged to the sandbox's account as they were made). */
    private DataFacade dataset(DataFacade d, String path) {
        return d;
    }
}
