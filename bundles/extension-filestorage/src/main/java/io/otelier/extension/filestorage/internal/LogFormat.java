package io.otelier.extension.filestorage.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk format of a store file; all integers big-endian.
 *
 * <pre>
 * file    = header record*
 * header  = "OTLRSTOR" u32(version = 1) u32(crc32c of the 12 bytes before)          (16 bytes)
 * record  = u32(payload length, &gt; 0) u32(crc32c of the length's 4 bytes and the payload) payload
 * payload = op+                                  (one batch: it lands whole or, torn, not at all)
 * op      = u8(1) u32(key length) key u32(value length) value        set
 *         | u8(2) u32(key length) key                                delete
 * </pre>
 *
 * Keys are UTF-8. Records are only ever appended; a later op on a key supersedes earlier ones.
 */
final class LogFormat {

    static final byte[] MAGIC = "OTLRSTOR".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 16;
    static final int RECORD_HEADER_SIZE = 8;
    static final byte OP_SET = 1;
    static final byte OP_DELETE = 2;
    /** A record's payload must fit one Java array. */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

    private static final byte[] HEADER = buildHeader();

    private LogFormat() {
    }

    /** The 16 bytes every store file starts with. */
    static byte[] header() {
        return HEADER.clone();
    }

    private static byte[] buildHeader() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        b.put(MAGIC).putInt(VERSION);
        b.putInt(crc(b.array(), 0, 12));
        return b.array();
    }

    /** Whether {@code bytes} is the beginning of a header: a file cut short while it was being created. */
    static boolean isHeaderPrefix(byte[] bytes, int length) {
        return length <= HEADER_SIZE && Arrays.equals(bytes, 0, length, HEADER, 0, length);
    }

    static boolean isHeader(byte[] bytes) {
        return Arrays.equals(bytes, 0, HEADER_SIZE, HEADER, 0, HEADER_SIZE);
    }

    /** Bytes one set op takes in a payload; the store's measure of a live entry. */
    static long setSize(int keyBytes, int valueBytes) {
        return 1 + 4 + keyBytes + 4 + (long) valueBytes;
    }

    static long deleteSize(int keyBytes) {
        return 1 + 4 + keyBytes;
    }

    /** The checksum of a record: its length field, then its payload. */
    static int recordCrc(int length, byte[] payload, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
