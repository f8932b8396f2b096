package io.otelier.helper.grpc.internal;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An encoded message handed to grpc: its length is known up front ({@link KnownLength}) and grpc may take the
 * bytes in one write ({@link Drainable}) instead of copying them through a buffer.
 */
final class EncodedMessage extends ByteArrayInputStream implements KnownLength, Drainable {

    EncodedMessage(byte[] bytes) {
        super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
        int length = count - pos;
        target.write(buf, pos, length);
        pos = count;
        return length;
    }
}
