package io.otelier.extension.filestorage.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Replays the records of a store file into an index, and says where the valid records end and why.
 *
 * <p>A process killed while appending leaves a prefix of its last record: a short header, or a record that runs
 * past the end of the file. A machine that lost power may also leave a last record with stale bytes, or a
 * zero-filled tail (file size updated, data blocks not). A bad record that is not followed by a valid one ends the
 * file: it is reported as {@link Tail#TORN}, and nothing in it was acknowledged with fsync on. A bad record followed
 * by a valid one cannot come from a crash and is reported as {@link Tail#CORRUPT}.
 */
final class RecordScanner {

    /** Receives the ops of each valid record, in file order. */
    interface Visitor {
        void set(String key, int keyBytes, long valueOffset, int valueLength);

        void delete(String key, int keyBytes);
    }

    enum Tail { CLEAN, TORN, CORRUPT }

    /**
     * @param validEnd where the last valid record ends
     * @param problem  what is wrong at {@code validEnd}; empty when the tail is clean
     */
    record Result(long validEnd, Tail tail, String problem) {
    }

    private static final int CHUNK = 1 << 20;

    private final FileChannel channel;
    private final long limit;
    private byte[] buf = new byte[CHUNK];
    private long bufStart;
    private int bufLength;

    private RecordScanner(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    /** Scans the records in {@code [from, limit)} of {@code channel}, feeding each valid one to {@code visitor}. */
    static Result scan(FileChannel channel, long from, long limit, Visitor visitor) throws IOException {
        return new RecordScanner(channel, limit).run(from, visitor);
    }

    private Result run(long from, Visitor visitor) throws IOException {
        long pos = from;
        while (pos < limit) {
            if (!load(pos, LogFormat.RECORD_HEADER_SIZE)) {
                return new Result(pos, Tail.TORN, "a record header cut short");
            }
            int at = (int) (pos - bufStart);
            long length = Integer.toUnsignedLong(readInt(at));
            int crc = readInt(at + 4);
            long recordEnd = pos + LogFormat.RECORD_HEADER_SIZE + length;
            if (recordEnd > limit) {
                return new Result(pos, Tail.TORN, "a record running past the end of the file");
            }
            if (length == 0 || length > LogFormat.MAX_PAYLOAD) {
                return badRecord(pos, recordEnd, "a record of impossible length " + length);
            }
            load(pos, (int) (LogFormat.RECORD_HEADER_SIZE + length));
            int payloadAt = (int) (pos - bufStart) + LogFormat.RECORD_HEADER_SIZE;
            if (LogFormat.recordCrc((int) length, buf, payloadAt) != crc) {
                return badRecord(pos, recordEnd, "a record with a wrong checksum");
            }
            if (!visitOps(payloadAt, (int) length, pos + LogFormat.RECORD_HEADER_SIZE, visitor)) {
                return new Result(pos, Tail.CORRUPT, "a record with malformed operations");
            }
            pos = recordEnd;
        }
        return new Result(pos, Tail.CLEAN, "");
    }

    /** A bad record is a torn tail unless a valid record follows it. */
    private Result badRecord(long pos, long recordEnd, String problem) throws IOException {
        if (recordEnd == limit || zeroFrom(pos) || !validRecordAt(recordEnd)) {
            return new Result(pos, Tail.TORN, problem);
        }
        return new Result(pos, Tail.CORRUPT, problem);
    }

    private boolean validRecordAt(long pos) throws IOException {
        if (!load(pos, LogFormat.RECORD_HEADER_SIZE)) {
            return false;
        }
        int at = (int) (pos - bufStart);
        long length = Integer.toUnsignedLong(readInt(at));
        int crc = readInt(at + 4);
        if (length == 0 || length > LogFormat.MAX_PAYLOAD || pos + LogFormat.RECORD_HEADER_SIZE + length > limit) {
            return false;
        }
        load(pos, (int) (LogFormat.RECORD_HEADER_SIZE + length));
        return LogFormat.recordCrc((int) length, buf, (int) (pos - bufStart) + LogFormat.RECORD_HEADER_SIZE) == crc;
    }

    /** Checks the ops of a payload and passes them on; false when they do not fill it exactly. */
    private boolean visitOps(int at, int length, long fileOffset, Visitor visitor) {
        // two passes: a malformed record must change nothing
        for (int pass = 0; pass < 2; pass++) {
            int p = at;
            int end = at + length;
            while (p < end) {
                byte op = buf[p++];
                if ((op != LogFormat.OP_SET && op != LogFormat.OP_DELETE) || end - p < 4) {
                    return false;
                }
                int keyLength = readInt(p);
                p += 4;
                if (keyLength < 0 || end - p < keyLength) {
                    return false;
                }
                int keyAt = p;
                p += keyLength;
                if (op == LogFormat.OP_DELETE) {
                    if (pass == 1) {
                        visitor.delete(key(keyAt, keyLength), keyLength);
                    }
                    continue;
                }
                if (end - p < 4) {
                    return false;
                }
                int valueLength = readInt(p);
                p += 4;
                if (valueLength < 0 || end - p < valueLength) {
                    return false;
                }
                if (pass == 1) {
                    visitor.set(key(keyAt, keyLength), keyLength, fileOffset + (p - at), valueLength);
                }
                p += valueLength;
            }
        }
        return true;
    }

    private String key(int at, int length) {
        return new String(buf, at, length, StandardCharsets.UTF_8);
    }

    private boolean zeroFrom(long pos) throws IOException {
        for (long p = pos; p < limit; p += bufLength - (p - bufStart)) {
            load(p, (int) Math.min(CHUNK, limit - p));
            for (int i = (int) (p - bufStart); i < bufLength; i++) {
                if (buf[i] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Makes {@code [pos, pos + n)} available in the buffer; false when the file ends before. */
    private boolean load(long pos, int n) throws IOException {
        if (pos + n > limit) {
            return false;
        }
        if (pos >= bufStart && pos + n <= bufStart + bufLength) {
            return true;
        }
        if (n > buf.length) {
            buf = new byte[n];
        }
        int want = (int) Math.min(buf.length, limit - pos);
        ByteBuffer target = ByteBuffer.wrap(buf, 0, want);
        while (target.hasRemaining()) {
            if (channel.read(target, pos + target.position()) < 0) {
                throw new EOFException("store file shrank while being read");
            }
        }
        bufStart = pos;
        bufLength = want;
        return true;
    }

    private int readInt(int at) {
        return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8)
                | (buf[at + 3] & 0xff);
    }
}
