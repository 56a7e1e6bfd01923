package dev.backprop.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.backprop.io.OpenedFile;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Matrix;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV file into a {@link Dataset} with Jackson's CSV parser. Feature cells must be decimal
 * numbers; the target column holds numbers (values, or whole numbers ≥ 0 read as class indices) or
 * names (class labels, numbered in sorted order and kept as {@link Dataset#classNames()}). Every
 * damaged input is a {@link FormatError} naming the file, the line and the column, and never quoting
 * the file's content (a message says where the file is damaged, not what it holds).
 */
public final class Csv {
    /** Plain decimal numbers: no hex, no NaN or Infinity, no type suffix. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    /** Reads {@code path} (already resolved and allowed by the caller) with {@code options}. */
    public static Dataset read(Path path, CsvOptions options) throws IOException {
        try (OpenedFile file = OpenedFile.open(path)) {
            return read(file, options);
        }
    }

    /** Reads a file already open (regular, confined by the caller); it is not closed. */
    public static Dataset read(OpenedFile file, CsvOptions options) throws IOException {
        return read(file.stream(), file.name(), options);
    }

    /** Reads CSV text from {@code in}; {@code name} is used in error messages. */
    public static Dataset read(InputStream in, String name, CsvOptions options) throws IOException {
        Reader reader = new Reader(name, options);
        try (CsvParser p = (CsvParser) MAPPER.getFactory().createParser(in)) {
            p.setSchema(CsvSchema.emptySchema().withColumnSeparator(options.separator()));
            return reader.read(p);
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the text it stopped at: say only where
            JsonLocation at = e.getLocation();
            throw new FormatError(name + ": not valid CSV in the row after line " + reader.lastLine
                    + (at == null || at.getLineNr() < 1 ? "" : " (noticed at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + "; is a quote left open, or a character misplaced after a quote?",
                    null);
        } catch (CharConversionException e) {
            throw new FormatError(name + ": not valid text (UTF-8 expected) after line " + reader.lastLine
                    + "; save the file as UTF-8", null);
        }
    }

    /** The state of one read: header, widths, the values so far. */
    private static final class Reader {
        private final String name;
        private final CsvOptions options;
        private String[] header;
        private int width = -1;
        private int target;
        private int rows;
        /** Line of the last row read whole, for errors the CSV parser raises between rows. */
        int lastLine;
        private double[] features = new double[1024];
        private int filled;
        private final List<String> targets = new ArrayList<>();
        private final List<Integer> targetLines = new ArrayList<>();

        Reader(String name, CsvOptions options) {
            this.name = name;
            this.options = options;
        }

        Dataset read(CsvParser p) throws IOException {
            List<String> cells = new ArrayList<>();
            boolean sawAnyRow = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                dev.backprop.nn.Account.checkStop(); // a huge file ends at a time limit or an interrupt, row by row
                cells.clear();
                int line = -1;
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    cells.add(p.getText());
                }
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue; // a blank line
                }
                sawAnyRow = true;
                row(cells, line);
                lastLine = p.currentTokenLocation().getLineNr();
            }
            if (!sawAnyRow) {
                throw new FormatError(name + ": the file is empty; expected "
                        + (options.header() ? "a header row and then " : "") + "rows of comma-separated numbers");
            }
            if (rows == 0) {
                throw new FormatError(name + ": the file has a header row (" + width + " columns) but no data rows");
            }
            return build();
        }

        private void row(List<String> cells, int line) {
            if (width < 0) {
                width = cells.size();
                if (width < 2) {
                    throw new FormatError(name + ": line " + line + " has " + width + " column; a dataset needs at"
                            + " least one feature column and a target column");
                }
                target = resolveTarget(cells, line);
                if (options.header()) {
                    header = cells.stream().map(String::trim).toArray(String[]::new);
                    return;
                }
            }
            if (cells.size() != width) {
                throw new FormatError(name + ": line " + line + " has " + cells.size() + " cells but "
                        + (header != null ? "the header has " : "the first row has ") + width
                        + "; every row needs the same number of cells (is a value missing, or an extra separator there?)");
            }
            long needed = (long) (rows + 1) * width;
            if (needed > options.maxElements()) {
                throw new LimitError(name + ": more than " + options.maxElements() + " values (line " + line
                        + "); the limit on one dataset is " + options.maxElements() + " values (raise it with --max-elements N,"
                        + " or SandboxBuilder.maxElements in Java)");
            }
            if (filled + width - 1 > features.length) {
                features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(2L * features.length, filled + width)));
            }
            for (int c = 0; c < width; c++) {
                String cell = cells.get(c).trim();
                if (c == target) {
                    if (cell.isEmpty()) {
                        throw badCell(line, c, cell, "the target is empty");
                    }
                    targets.add(cell);
                    targetLines.add(line);
                } else {
                    features[filled++] = number(cell, line, c);
                }
            }
            rows++;
        }

        private int resolveTarget(List<String> first, int line) {
            if (options.targetName() != null) {
                if (!options.header()) {
                    throw new FormatError(name + ": target '" + options.targetName() + "' is a column name, but"
                            + " header is off; turn header on or give the target as a column index");
                }
                int found = -1;
                for (int c = 0; c < first.size(); c++) {
                    if (first.get(c).trim().equals(options.targetName())) {
                        if (found >= 0) {
                            throw new FormatError(name + ": line " + line + ": the header names two columns '"
                                    + options.targetName() + "' (columns " + (found + 1) + " and " + (c + 1)
                                    + "); give the target as a column index");
                        }
                        found = c;
                    }
                }
                if (found < 0) {
                    throw new FormatError(name + ": no column named '" + options.targetName() + "' for the target"
                            + " in the header (line " + line + ", " + first.size() + " columns); check the name's"
                            + " spelling, or give the target as a column index");
                }
                return found;
            }
            int i = options.targetIndex();
            int resolved = i < 0 ? width + i : i;
            if (resolved < 0 || resolved >= width) {
                throw new FormatError(name + ": target column " + i + " does not exist; rows have " + width
                        + " columns (indices 0 to " + (width - 1) + ", or −1 for the last)");
            }
            return resolved;
        }

        private double number(String cell, int line, int column) {
            if (cell.isEmpty()) {
                throw badCell(line, column, cell, "the cell is empty; expected a number");
            }
            if (!NUMBER.matcher(cell).matches()) {
                throw badCell(line, column, cell, "expected a number");
            }
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw badCell(line, column, cell, "the number is too large for a double");
            }
            return v;
        }

        private FormatError badCell(int line, int column, String cell, String problem) {
            return new FormatError(name + ": line " + line + ", column " + (column + 1) + ": " + problem
                    + (cell.isEmpty() ? "" : " (the cell holds " + cell.length() + " character"
                    + (cell.length() == 1 ? "" : "s") + ")"));
        }

        private Dataset build() {
            Matrix x = Matrix.of(rows, width - 1, Arrays.copyOf(features, filled));
            List<String> featureNames = new ArrayList<>();
            if (header != null) {
                for (int c = 0; c < width; c++) {
                    if (c != target) {
                        featureNames.add(header[c]);
                    }
                }
            }
            double[] y = new double[rows];
            int firstNumber = -1;
            int firstName = -1;
            for (int i = 0; i < rows; i++) {
                if (NUMBER.matcher(targets.get(i)).matches()) {
                    y[i] = Double.parseDouble(targets.get(i));
                    if (!Double.isFinite(y[i])) {
                        throw badCell(targetLines.get(i), target, targets.get(i), "the target number is too large"
                                + " for a double");
                    }
                    if (firstNumber < 0) {
                        firstNumber = i;
                    }
                } else if (firstName < 0) {
                    firstName = i;
                }
            }
            List<String> classNames = List.of();
            int classes;
            if (firstName < 0) {
                classes = Dataset.inferClasses(Matrix.of(rows, 1, y));
            } else if (firstNumber < 0) {
                classNames = List.copyOf(new TreeSet<>(targets));
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < classNames.size(); k++) {
                    index.put(classNames.get(k), k);
                }
                for (int i = 0; i < rows; i++) {
                    y[i] = index.get(targets.get(i));
                }
                classes = classNames.size();
            } else {
                int bad = Math.max(firstNumber, firstName);
                int good = Math.min(firstNumber, firstName);
                throw new FormatError(name + ": line " + targetLines.get(bad) + ", column " + (target + 1)
                        + ": the target column mixes numbers and names (a " + (bad == firstName ? "name" : "number")
                        + " here, a " + (good == firstName ? "name" : "number") + " on line " + targetLines.get(good)
                        + "); use all numbers or all class names");
            }
            Dataset d = new Dataset(x, Matrix.of(rows, 1, y), classes, classNames, featureNames);
            if (options.oneHot()) {
                if (classes == 0) {
                    int i = firstNonWhole(y);
                    throw new FormatError(name + ": oneHot needs class labels, but the target column (column "
                            + (target + 1) + ") holds a value that is not a whole number ≥ 0 on line "
                            + targetLines.get(i) + "; use names or whole numbers from 0, or leave oneHot off");
                }
                // one-hot rows take rows × classes values: checked before they are allocated
                long values = (long) rows * (width - 1) + (long) rows * classes;
                if (values > options.maxElements()) {
                    throw new LimitError(name + ": one-hot targets for " + classes + " classes would make "
                            + values + " values (" + rows + " rows), more than the limit of " + options.maxElements()
                            + " on one dataset; leave oneHot off, or check the class indices (the largest is "
                            + (classes - 1) + ")");
                }
                return d.oneHot(classes);
            }
            return d;
        }

        private static int firstNonWhole(double[] y) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] != Math.rint(y[i]) || y[i] < 0) {
                    return i;
                }
            }
            return 0;
        }
    }
}
