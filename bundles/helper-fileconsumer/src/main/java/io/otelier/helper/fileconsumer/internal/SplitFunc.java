package io.otelier.helper.fileconsumer.internal;

/**
 * Go's {@code bufio.SplitFunc} over a byte range: looks at {@code data[off, off+len)} and either asks for more data
 * ({@link Split#more()}), skips bytes ({@link Split#skip}) or yields a token, a sub-range of the data
 * ({@link Split#token}). Offsets in the result are relative to {@code off}.
 */
@FunctionalInterface
public interface SplitFunc {

    void split(byte[] data, int off, int len, boolean atEOF, Split out);

    /** The outcome of one call; reused between calls. */
    final class Split {
        int advance;
        int tokenStart;
        int tokenLength = -1;

        public Split more() {
            advance = 0;
            tokenLength = -1;
            return this;
        }

        public Split skip(int bytes) {
            advance = bytes;
            tokenLength = -1;
            return this;
        }

        public Split token(int advance, int start, int length) {
            this.advance = advance;
            this.tokenStart = start;
            this.tokenLength = length;
            return this;
        }

        public boolean hasToken() {
            return tokenLength >= 0;
        }

        /** Neither a token nor an advance: the function wants more data. */
        public boolean wantsMore() {
            return advance == 0 && tokenLength < 0;
        }

        public int advance() {
            return advance;
        }

        public int tokenStart() {
            return tokenStart;
        }

        public int tokenLength() {
            return tokenLength;
        }
    }
}
