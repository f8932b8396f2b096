package io.otelier.extension.filestorage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one record (header and payload, see {@link LogFormat}) from a batch's writes, remembering where each
 * op's value lands so the index can point at it once the record is on disk.
 */
final class RecordEncoder {

    /** One encoded op: a set when {@code valueOffset} is not negative. */
    record EncodedOp(String key, int keyBytes, int valueOffset, int valueLength) {
        boolean isSet() {
            return valueOffset >= 0;
        }
    }

    private byte[] buf = new byte[256];
    private int size = LogFormat.RECORD_HEADER_SIZE;
    private final List<EncodedOp> ops = new ArrayList<>();

    void set(String key, byte[] value) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ensure(LogFormat.setSize(k.length, value.length));
        buf[size++] = LogFormat.OP_SET;
        putBytes(k);
        putInt(value.length);
        ops.add(new EncodedOp(key, k.length, size, value.length));
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
    }

    void delete(String key) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ensure(LogFormat.deleteSize(k.length));
        buf[size++] = LogFormat.OP_DELETE;
        putBytes(k);
        ops.add(new EncodedOp(key, k.length, -1, 0));
    }

    boolean isEmpty() {
        return ops.isEmpty();
    }

    List<EncodedOp> ops() {
        return ops;
    }

    /** Bytes of the ops only, the measure {@link KeyIndex#liveBytes()} uses. */
    int payloadSize() {
        return size - LogFormat.RECORD_HEADER_SIZE;
    }

    /** The whole record with its length and checksum filled in; value offsets are relative to its start. */
    ByteBuffer record() {
        int length = payloadSize();
        int crc = LogFormat.recordCrc(length, buf, LogFormat.RECORD_HEADER_SIZE);
        ByteBuffer.wrap(buf, 0, LogFormat.RECORD_HEADER_SIZE).putInt(length).putInt(crc);
        return ByteBuffer.wrap(buf, 0, size);
    }

    private void putBytes(byte[] bytes) {
        putInt(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void putInt(int v) {
        buf[size] = (byte) (v >>> 24);
        buf[size + 1] = (byte) (v >>> 16);
        buf[size + 2] = (byte) (v >>> 8);
        buf[size + 3] = (byte) v;
        size += 4;
    }

    private void ensure(long more) throws IOException {
        long needed = size + more;
        if (needed - LogFormat.RECORD_HEADER_SIZE > LogFormat.MAX_PAYLOAD) {
            throw new IOException("batch too large for one record: " + needed + " bytes");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(LogFormat.MAX_PAYLOAD, Math.max(needed, 2L * buf.length)));
        }
    }
}
