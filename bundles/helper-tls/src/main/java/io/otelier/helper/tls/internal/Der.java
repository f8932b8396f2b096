package io.otelier.helper.tls.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Just enough DER to rewrap PKCS#1 and SEC1 keys as PKCS#8, which is all JCA key factories take. */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    /** rsaEncryption, 1.2.840.113549.1.1.1 */
    static final byte[] RSA_ENCRYPTION = encode(OID, new byte[] {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x01, 0x01});
    /** id-ecPublicKey, 1.2.840.10045.2.1 */
    static final byte[] EC_PUBLIC_KEY = encode(OID, new byte[] {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02,
            0x01});

    private Der() {
    }

    static byte[] encode(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            body.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = body.size();
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(len) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Reads consecutive TLVs from a byte range. */
    static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        Reader(byte[] data) {
            this(data, 0, data.length);
        }

        private Reader(byte[] data, int from, int to) {
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        boolean hasMore() {
            return pos < end;
        }

        int peekTag() {
            return data[pos] & 0xFF;
        }

        /** The whole next element (tag, length and contents). */
        byte[] element() {
            int start = pos;
            skip();
            return Arrays.copyOfRange(data, start, pos);
        }

        /** A reader over the contents of the next element, which must have {@code tag}. */
        Reader enter(int tag) {
            if (peekTag() != tag) {
                throw new IllegalArgumentException("expected DER tag " + tag + ", found " + peekTag());
            }
            pos++;
            int len = length();
            Reader inner = new Reader(data, pos, pos + len);
            pos += len;
            return inner;
        }

        void skip() {
            pos++;
            int len = length();
            pos += len;
        }

        private int length() {
            int first = data[pos++] & 0xFF;
            if (first < 0x80) {
                return first;
            }
            int n = first & 0x7F;
            if (n == 0 || n > 4) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            int len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (data[pos++] & 0xFF);
            }
            if (len < 0 || pos + len > end) {
                throw new IllegalArgumentException("DER length beyond the data");
            }
            return len;
        }
    }
}
