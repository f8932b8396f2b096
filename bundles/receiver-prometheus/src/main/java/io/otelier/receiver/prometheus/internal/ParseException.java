package io.otelier.receiver.prometheus.internal;

/** A malformed exposition: the scrape fails with this message, which names the line and column (1-based). */
final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    ParseException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
