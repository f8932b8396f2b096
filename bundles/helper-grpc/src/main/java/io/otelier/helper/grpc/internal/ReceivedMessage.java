package io.otelier.helper.grpc.internal;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.otelier.pdata.otlp.EncodedBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A request handed to grpc as the bytes it was received as ({@link EncodedBytes}): grpc drains them straight
 * into its framer or compressor, segment by segment, with no joined copy of the batch. {@link #read} (which grpc
 * uses only when it cannot drain) copies them once.
 */
final class ReceivedMessage extends InputStream implements KnownLength, Drainable {

    private final EncodedBytes bytes;
    private InputStream copy;
    private boolean drained;

    ReceivedMessage(EncodedBytes bytes) {
        this.bytes = bytes;
    }

    @Override
    public int available() throws IOException {
        if (copy != null) {
            return copy.available();
        }
        return drained ? 0 : bytes.size();
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
        if (copy != null) {
            return (int) copy.transferTo(target);
        }
        if (drained) {
            return 0;
        }
        drained = true;
        bytes.writeTo(target);
        return bytes.size();
    }

    @Override
    public int read() throws IOException {
        return copy().read();
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        return copy().read(into, offset, length);
    }

    private InputStream copy() throws IOException {
        if (copy == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(drained ? 0 : bytes.size());
            if (!drained) {
                bytes.writeTo(out);
            }
            drained = true;
            copy = new java.io.ByteArrayInputStream(out.toByteArray());
        }
        return copy;
    }
}
