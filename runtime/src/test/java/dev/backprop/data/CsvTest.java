package dev.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV reading: the shipped Iris file, target and header options, and damaged files with their exact errors. */
class CsvTest {
    static Dataset read(String text, CsvOptions options) throws Exception {
        return Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", options);
    }

    static String error(String text, CsvOptions options) {
        return assertThrows(FormatError.class, () -> read(text, options)).getMessage();
    }

    static String error(String text) {
        return error(text, CsvOptions.defaults());
    }

    @Test
    void irisFromTheScriptsFolder() throws Exception {
        Dataset iris = Csv.read(Path.of("../scripts/data/iris.csv"), CsvOptions.defaults());
        assertEquals(150, iris.size());
        assertEquals(4, iris.features());
        assertEquals(3, iris.classes());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        // first row 5.1,3.5,1.4,0.2,setosa and last row 5.9,3.0,5.1,1.8,virginica (Fisher's table)
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.x().row(0));
        assertEquals(0, iris.y().get(0, 0));
        assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, iris.x().row(149));
        assertEquals(2, iris.y().get(149, 0));
        double sepalSum = 0;
        for (int i = 0; i < 150; i++) {
            sepalSum += iris.x().get(i, 0);
        }
        assertEquals(5.843, sepalSum / 150, 0.0005, "mean sepal length 5.84 as in the data set's description");
        Dataset hot = Csv.read(Path.of("../scripts/data/iris.csv"), CsvOptions.defaults().oneHot(true));
        assertArrayEquals(new double[] {0, 0, 1}, hot.y().row(149));
    }

    @Test
    void targetByNameOrIndexAndHeaderOff() throws Exception {
        String text = "a,label,b\n1,cat,2\n3,dog,4\n5,cat,6\n";
        Dataset byName = read(text, CsvOptions.defaults().target("label"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, byName.x().toArray());
        assertArrayEquals(new double[] {0, 1, 0}, byName.y().toArray());
        assertEquals(List.of("cat", "dog"), byName.classNames());
        assertEquals(List.of("a", "b"), byName.featureNames());
        Dataset byIndex = read(text, CsvOptions.defaults().target(1));
        assertArrayEquals(byName.y().toArray(), byIndex.y().toArray());
        Dataset negative = read(text, CsvOptions.defaults().target(-2));
        assertArrayEquals(byName.y().toArray(), negative.y().toArray());
        Dataset plain = read("1,2,0\n3,4,2\n", CsvOptions.defaults().header(false));
        assertEquals(2, plain.size());
        assertEquals(3, plain.classes(), "whole numbers 0..2 are class indices");
        Dataset values = read("x,y\n1,0.5\n2,1.5\n", CsvOptions.defaults());
        assertEquals(0, values.classes(), "fractions are values");
        assertArrayEquals(new double[] {0.5, 1.5}, values.y().toArray());
        Dataset spaced = read("x ; t\n 1.5 ; 1\n\n-2e-1;0\n", CsvOptions.defaults().separator(';'));
        assertArrayEquals(new double[] {1.5, -0.2}, spaced.x().toArray(), "spaces trimmed, blank lines skipped");
        Dataset quoted = read("x,t\n\"1.5\",\"a b\"\n2,c\n", CsvOptions.defaults());
        assertEquals(List.of("a b", "c"), quoted.classNames());
    }

    @Test
    void damagedFilesNameLineAndColumn() {
        // 1. a cell that is not a number
        assertEquals("t.csv: line 3, column 2: expected a number (the cell holds 3 characters)",
                error("a,b,t\n1,2,0\n3,abc,1\n"));
        // 2. an empty feature cell
        assertEquals("t.csv: line 2, column 1: the cell is empty; expected a number",
                error("a,b,t\n,2,0\n"));
        // 3. a ragged row (too few cells)
        assertEquals("t.csv: line 3 has 2 cells but the header has 3; every row needs the same number of cells"
                + " (is a value missing, or an extra separator there?)", error("a,b,t\n1,2,0\n3,1\n"));
        // 4. a ragged row without header (too many cells)
        assertEquals("t.csv: line 2 has 4 cells but the first row has 3; every row needs the same number of cells"
                + " (is a value missing, or an extra separator there?)",
                error("1,2,0\n1,2,3,4\n", CsvOptions.defaults().header(false)));
        // 5. an empty file
        assertEquals("t.csv: the file is empty; expected a header row and then rows of comma-separated numbers",
                error(""));
        // 6. only blank lines
        assertEquals("t.csv: the file is empty; expected a header row and then rows of comma-separated numbers",
                error("\n\n  \n"));
        // 7. a header and no data
        assertEquals("t.csv: the file has a header row (3 columns) but no data rows", error("a,b,t\n"));
        // 8. an unknown target name
        assertEquals("t.csv: no column named 'species' for the target in the header (line 1, 3 columns); check the"
                + " name's spelling, or give the target as a column index",
                error("a,b,t\n1,2,0\n", CsvOptions.defaults().target("species")));
        // 9. a target index outside the rows
        assertEquals("t.csv: target column 5 does not exist; rows have 3 columns (indices 0 to 2, or −1 for the last)",
                error("a,b,t\n1,2,0\n", CsvOptions.defaults().target(5)));
        // 10. a target name without a header
        assertEquals("t.csv: target 'label' is a column name, but header is off; turn header on or give the target"
                + " as a column index", error("1,2,0\n", CsvOptions.defaults().header(false).target("label")));
        // 11. an empty target cell
        assertEquals("t.csv: line 3, column 3: the target is empty", error("a,b,t\n1,2,0\n1,2,\n"));
        // 12. a target mixing numbers and names
        assertEquals("t.csv: line 3, column 3: the target column mixes numbers and names (a name here, a number on"
                + " line 2); use all numbers or all class names", error("a,b,t\n1,2,1\n3,4,cat\n"));
        // 13. NaN is not a number a dataset may hold
        assertEquals("t.csv: line 2, column 2: expected a number (the cell holds 3 characters)", error("a,b,t\n1,NaN,0\n"));
        // 14. oneHot of values
        assertEquals("t.csv: oneHot needs class labels, but the target column (column 2) holds a value that is not a"
                + " whole number ≥ 0 on line 2; use names or whole numbers from 0, or leave oneHot off",
                error("a,t\n1,0.5\n2,1\n", CsvOptions.defaults().oneHot(true)));
        // 15. a single column: no features
        assertEquals("t.csv: line 1 has 1 column; a dataset needs at least one feature column and a target column",
                error("t\n1\n"));
        // 16. an unclosed quote
        assertEquals("t.csv: not valid CSV in the row after line 2 (noticed at line 4, column 1); is a quote left open,"
                + " or a character misplaced after a quote?", error("a,t\n1,0\n\"2,1\n"));
        // 17. a number too large for a double
        assertEquals("t.csv: line 2, column 1: the number is too large for a double (the cell holds 5 characters)",
                error("a,t\n1e999,0\n"));
    }

    @Test
    void tooManyValuesHitTheLimit() {
        LimitError e = assertThrows(LimitError.class,
                () -> read("a,t\n1,0\n2,1\n3,0\n", CsvOptions.defaults().maxElements(5)));
        assertEquals("t.csv: more than 5 values (line 4); the limit on one dataset is 5 values (raise it with"
                + " --max-elements N, or SandboxBuilder.maxElements in Java)", e.getMessage());
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, "\uFEFFx1,x2,label\n0,0,no\n1,1,yes\n");
        Dataset d = Csv.read(f, CsvOptions.defaults());
        assertEquals(List.of("x1", "x2"), d.featureNames(), "a byte-order mark is not part of the first name");
        assertEquals(List.of("no", "yes"), d.classNames());
        assertEquals("small.csv: line 3, column 2: expected a number (the cell holds 3 characters)",
                assertThrows(FormatError.class, () -> {
                    Files.writeString(f, "x1,x2,label\n0,0,no\n1,one,yes\n");
                    Csv.read(f, CsvOptions.defaults());
                }).getMessage());
    }
}
