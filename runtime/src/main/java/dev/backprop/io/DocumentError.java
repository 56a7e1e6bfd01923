package dev.backprop.io;

/**
 * A defect found while reading a network document: the field it is in and a sentence saying what
 * was expected, what came and what to do. {@link NetworkJson} turns it into a FormatError (or a
 * LimitError for sizes beyond the limit) with the source and, for text, the line and column.
 */
final class DocumentError extends RuntimeException {
    private final FieldPath where;
    private final boolean limit;

    DocumentError(FieldPath where, String message) {
        this(where, message, false);
    }

    DocumentError(FieldPath where, String message, boolean limit) {
        super(message, null, false, false);
        this.where = where;
        this.limit = limit;
    }

    static DocumentError limit(FieldPath where, String message) {
        return new DocumentError(where, message, true);
    }

    FieldPath where() {
        return where;
    }

    /** True when the document is well formed but larger than the caller allows. */
    boolean isLimit() {
        return limit;
    }
}
