package dev.backprop.data;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.ValueError;

/**
 * How {@link Csv} reads a file: whether the first row is a header, which column is the target (by
 * header name, or by 0-based index where −1 is the last column; the default), whether class labels
 * become one-hot rows, the cell separator, and the most values (features + targets) one file may hold.
 */
public record CsvOptions(boolean header, String targetName, int targetIndex, boolean oneHot, char separator,
        long maxElements) {

    public CsvOptions {
        if (maxElements < 1) {
            throw new ValueError("csv maxElements must be at least 1, got " + maxElements);
        }
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new ValueError("csv separator cannot be a quote or a line break, got " + (int) separator);
        }
    }

    /** Header on, target = last column, no one-hot, comma-separated, limit {@link Matrix#MAX_ELEMENTS}. */
    public static CsvOptions defaults() {
        return new CsvOptions(true, null, -1, false, ',', Matrix.MAX_ELEMENTS);
    }

    public CsvOptions header(boolean on) {
        return new CsvOptions(on, targetName, targetIndex, oneHot, separator, maxElements);
    }

    /** Target column by header name. */
    public CsvOptions target(String name) {
        return new CsvOptions(header, name, targetIndex, oneHot, separator, maxElements);
    }

    /** Target column by 0-based index; negative counts from the end (−1 = last). */
    public CsvOptions target(int index) {
        return new CsvOptions(header, null, index, oneHot, separator, maxElements);
    }

    public CsvOptions oneHot(boolean on) {
        return new CsvOptions(header, targetName, targetIndex, on, separator, maxElements);
    }

    public CsvOptions separator(char c) {
        return new CsvOptions(header, targetName, targetIndex, oneHot, c, maxElements);
    }

    public CsvOptions maxElements(long limit) {
        return new CsvOptions(header, targetName, targetIndex, oneHot, separator, limit);
    }
}
