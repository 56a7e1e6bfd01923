package dev.backprop.data;

import dev.backprop.io.OpenedFile;
import dev.backprop.nn.Checks;
import dev.backprop.nn.FormatError;
import dev.backprop.nn.LimitError;
import dev.backprop.nn.Matrix;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-format IDX files (LeCun's format, as used by MNIST and Fashion-MNIST), plain or gzip
 * (told apart by the gzip magic bytes 1f 8b): an images file with magic 0x00000803 (unsigned bytes,
 * 3 dimensions: count × rows × columns) and a labels file with magic 0x00000801 (unsigned bytes, one
 * dimension). Pixels become x = byte · scale, one image per row; labels become class indices. Sizes
 * in the headers are checked against the limit and the file length before anything is allocated.
 */
public final class Idx {
    /** The default pixel scale: bytes 0…255 become 0…1. */
    public static final double DEFAULT_SCALE = 1.0 / 255;
    /** Deflate cannot expand data by more than about 1032:1; a gzip header promising more is damaged. */
    static final long MAX_GZIP_RATIO = 1032;
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /** Reads images and labels with the default scale 1/255 and the largest matrix allowed. */
    public static Dataset read(Path images, Path labels) throws IOException {
        return read(images, labels, DEFAULT_SCALE, Matrix.MAX_ELEMENTS);
    }

    /**
     * Reads images and labels (paths already resolved and allowed by the caller); pixels are
     * multiplied by {@code scale}; no file may promise more than {@code maxElements} values.
     */
    public static Dataset read(Path images, Path labels, double scale, long maxElements) throws IOException {
        try (OpenedFile im = OpenedFile.open(images); OpenedFile lb = OpenedFile.open(labels)) {
            return read(im, lb, scale, maxElements);
        }
    }

    /** Reads files already open (regular, confined by the caller); they are not closed. */
    public static Dataset read(OpenedFile images, OpenedFile labels, double scale, long maxElements)
            throws IOException {
        return read(images.stream(), images.name(), images.size(), labels.stream(), labels.name(), labels.size(),
                scale, maxElements);
    }

    /**
     * Reads from streams; names are used in messages and lengths (in bytes, or −1 when unknown) bound
     * the sizes a header may promise.
     */
    public static Dataset read(InputStream images, String imagesName, long imagesLength,
            InputStream labels, String labelsName, long labelsLength, double scale, long maxElements)
            throws IOException {
        Checks.finite("idx scale", scale);
        Header ih = Header.read(open(images, imagesName), imagesName, imagesLength, IMAGES_MAGIC, maxElements);
        Header lh = Header.read(open(labels, labelsName), labelsName, labelsLength, LABELS_MAGIC, maxElements);
        if (ih.dims[0] != lh.dims[0]) {
            throw new FormatError(imagesName + " holds " + ih.dims[0] + " images but " + labelsName + " holds "
                    + lh.dims[0] + " labels; use the labels file that belongs to these images");
        }
        int n = ih.dims[0];
        int features = ih.dims[1] * ih.dims[2];
        Matrix x = Matrix.zeros(n, features);
        ih.readValues(x, scale);
        Matrix y = Matrix.zeros(n, 1);
        lh.readValues(y, 1.0);
        int classes = 0;
        for (int i = 0; i < n; i++) {
            classes = Math.max(classes, (int) y.at(i) + 1);
        }
        return new Dataset(x, y, classes, List.of(), List.of());
    }

    /** Wraps gzip data in a decompressor, telling it apart by its magic bytes. */
    private static Source open(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new Source(new GZIPInputStream(in, 1 << 16), name, true);
            } catch (EOFException e) {
                throw new FormatError(name + ": the gzip data ends inside its header; the file is truncated", e);
            } catch (ZipException e) {
                throw new FormatError(name + ": not valid gzip data (" + e.getMessage() + ")", e);
            }
        }
        return new Source(in, name, false);
    }

    /** A stream being read, with the count of bytes read so far (after decompression). */
    private record Source(InputStream in, String name, boolean gzip) {
        /**
         * Whether anything follows the promised values; a gzip stream that is damaged after them (its
         * trailer, or a further member) is a FormatError too (found by fuzzing: it was a raw ZipException).
         */
        boolean hasMore(byte[] buf, long offset) throws IOException {
            try {
                return in.read(buf) > 0;
            } catch (EOFException e) {
                throw new FormatError(name + ": the gzip data ends early, after " + offset + " unpacked bytes, inside"
                        + " its trailer; the file is truncated, download or unpack it again", null);
            } catch (ZipException e) {
                throw new FormatError(name + ": the gzip data is damaged after the values (" + e.getMessage() + ")",
                        null);
            }
        }

        /** Fills buf[0, len) or throws a FormatError saying how much was missing. */
        void readFully(byte[] buf, int len, String what, long offset) throws IOException {
            int got = 0;
            try {
                while (got < len) {
                    int r = in.read(buf, got, len - got);
                    if (r < 0) {
                        break;
                    }
                    got += r;
                }
            } catch (EOFException e) {
                throw new FormatError(name + ": the gzip data ends early, after " + (offset + got) + " unpacked bytes,"
                        + " inside " + what + "; the file is truncated, download or unpack it again", e);
            } catch (ZipException e) {
                throw new FormatError(name + ": the gzip data is damaged inside " + what + " (" + e.getMessage()
                        + ")", e);
            }
            if (got < len) {
                throw new FormatError(name + ": the file ends early, after " + (offset + got) + (gzip ? " unpacked" : "")
                        + " bytes, inside " + what + "; it is truncated, download or unpack it again");
            }
        }
    }

    /** A checked IDX header and the stream positioned at its first value. */
    private static final class Header {
        final Source src;
        final int[] dims;
        final long values;
        final long offset;

        private Header(Source src, int[] dims, long values, long offset) {
            this.src = src;
            this.dims = dims;
            this.values = values;
            this.offset = offset;
        }

        static Header read(Source src, String name, long fileLength, int expectedMagic, long maxElements)
                throws IOException {
            byte[] b = new byte[4];
            src.readFully(b, 4, "the magic number", 0);
            int magic = be(b);
            if (magic != expectedMagic) {
                throw new FormatError(name + ": " + describeMagic(magic, expectedMagic));
            }
            int rank = expectedMagic & 0xFF;
            int[] dims = new int[rank];
            long values = 1;
            for (int d = 0; d < rank; d++) {
                src.readFully(b, 4, "the size of dimension " + d, 4 + 4L * d);
                long size = be(b) & 0xFFFFFFFFL;
                if (size == 0) {
                    throw new FormatError(name + ": dimension " + d + " of the header is 0; the file holds no "
                            + (d == 0 ? "items" : "pixels"));
                }
                if (size > Integer.MAX_VALUE) {
                    throw new FormatError(name + ": dimension " + d + " of the header is " + size
                            + ", far beyond any real data set; the header is damaged");
                }
                dims[d] = (int) size;
                values *= size;
                if (values > maxElements) {
                    throw new LimitError(name + ": the header promises " + values + "+ values (dimensions "
                            + describeDims(dims, d + 1) + "), more than the limit of " + maxElements
                            + " (raise it with --max-elements N, or SandboxBuilder.maxElements in Java)");
                }
            }
            long offset = 4 + 4L * rank;
            if (fileLength >= 0) {
                if (!src.gzip() && offset + values != fileLength) {
                    throw new FormatError(name + ": the header promises " + describeDims(dims, rank) + " = " + values
                            + " bytes of data after its " + offset + " header bytes, but the file has "
                            + (fileLength - offset) + (fileLength < offset + values
                                    ? "; it is truncated, download or unpack it again"
                                    : "; the extra bytes do not belong to the format"));
                }
                if (src.gzip() && values > fileLength * MAX_GZIP_RATIO) {
                    throw new FormatError(name + ": the header promises " + values + " bytes of data, more than a "
                            + fileLength + "-byte gzip file can hold; the file is damaged");
                }
            }
            return new Header(src, dims, values, offset);
        }

        /** Reads every value into m (flat, row-major), as unsigned bytes times scale, in chunks. */
        void readValues(Matrix m, double scale) throws IOException {
            byte[] buf = new byte[1 << 16];
            double[] vals = new double[buf.length];
            var out = m.data();
            long done = 0;
            String what = dims.length == 1 ? "the labels" : "the pixel data";
            while (done < values) {
                dev.backprop.nn.Account.checkStop(); // a huge file ends at a time limit or an interrupt, block by block
                int len = (int) Math.min(buf.length, values - done);
                src.readFully(buf, len, what, offset + done);
                for (int k = 0; k < len; k++) {
                    vals[k] = (buf[k] & 0xFF) * scale;
                }
                out.put((int) done, vals, 0, len);
                done += len;
            }
            if (src.hasMore(buf, offset + values)) {
                throw new FormatError(src.name() + ": the data goes on after the " + values
                        + " values its header promises; the file is damaged or not an IDX file");
            }
        }

        /** Says what is wrong with the first 4 bytes without quoting them (a message never holds file content). */
        private static String describeMagic(int magic, int expected) {
            String want = String.format(Locale.ROOT, "0x%08X", expected);
            String kind = expected == IMAGES_MAGIC ? "an images file (unsigned bytes, 3 dimensions)"
                    : "a labels file (unsigned bytes, 1 dimension)";
            if ((magic >>> 16) != 0) {
                return "the first 4 bytes are not an IDX magic number; expected " + want + " for " + kind
                        + ". This is not an IDX file (is it another format, or still packed?)";
            }
            int type = (magic >>> 8) & 0xFF;
            if (type != 0x08) {
                return "the magic number gives a value type other than unsigned bytes (0x08); expected " + want
                        + " for " + kind;
            }
            if (magic == LABELS_MAGIC || magic == IMAGES_MAGIC) {
                return "the magic number is that of " + (magic == LABELS_MAGIC ? "a labels" : "an images")
                        + " file, expected " + want + " for " + kind + "; are the images and labels swapped?";
            }
            return "the magic number gives another number of dimensions, expected " + (expected & 0xFF) + " ("
                    + want + ") for " + kind;
        }

        private static String describeDims(int[] dims, int count) {
            StringBuilder sb = new StringBuilder();
            for (int d = 0; d < count; d++) {
                sb.append(d == 0 ? "" : " × ").append(dims[d]);
            }
            return sb.toString();
        }

        private static int be(byte[] b) {
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }
    }
}
