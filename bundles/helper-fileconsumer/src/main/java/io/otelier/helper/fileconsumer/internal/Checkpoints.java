package io.otelier.helper.fileconsumer.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Our own checkpoint format (not upstream's JSON): "OFC1", a count, then per file its fingerprint, offset, record
 * number, gzip flag and decompressed bytes to skip, followed by a CRC-32 of everything before it. A value that fails
 * the check is reported, never half-used.
 */
public final class Checkpoints {

    /** The storage key the checkpoints are kept under. */
    public static final String KEY = "fileconsumer.checkpoints";

    private static final int MAGIC = 0x4f464331; // "OFC1"

    private Checkpoints() {
    }

    public static byte[] encode(List<FileState> states) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + states.size() * 1100);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(states.size());
            for (FileState s : states) {
                byte[] fp = s.fingerprint.bytes();
                out.writeInt(fp.length);
                out.write(fp);
                out.writeLong(s.offset);
                out.writeLong(s.recordNumber);
                out.writeBoolean(s.gzip);
                out.writeLong(s.decompressedBytesToSkip);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the value is not a complete checkpoint of this format */
    public static List<FileState> decode(byte[] value, long nowMillis) throws IOException {
        if (value.length < 16) {
            throw new IOException("checkpoint too short (" + value.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(value, 0, value.length - 8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a checkpoint of this format");
        }
        long stored = new DataInputStream(new ByteArrayInputStream(value, value.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new IOException("checkpoint checksum mismatch");
        }
        int count = in.readInt();
        if (count < 0 || count > value.length) {
            throw new IOException("bad checkpoint count " + count);
        }
        List<FileState> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = in.readInt();
            if (n < 0 || n > value.length) {
                throw new IOException("bad fingerprint length " + n);
            }
            FileState s = new FileState(new Fingerprint(in.readNBytes(n)), nowMillis);
            s.offset = in.readLong();
            s.recordNumber = in.readLong();
            s.gzip = in.readBoolean();
            s.decompressedBytesToSkip = in.readLong();
            out.add(s);
        }
        return out;
    }
}
