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
        boolean ascii;

        public Split more() {
            advance = 0;
            tokenLength = -1;
            ascii = false;
            return this;
        }

        public Split skip(int bytes) {
            advance = bytes;
            tokenLength = -1;
            ascii = false;
            return this;
        }

        public Split token(int advance, int start, int length) {
            this.advance = advance;
            this.tokenStart = start;
            this.tokenLength = length;
            this.ascii = false;
            return this;
        }

        /** A hint for decoding, after {@link #token}: the token's bytes are all ASCII (false: not known). */
        public Split ascii(boolean ascii) {
            this.ascii = ascii;
            return this;
        }

        public boolean isAscii() {
            return ascii;
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
