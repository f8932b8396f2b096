package io.otelier.helper.grpc.internal;

import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.xerial.snappy.SnappyFramedInputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * The {@code snappy} grpc-encoding as upstream's configgrpc registers it: the snappy <em>framing</em> format
 * (stream identifier, checksummed chunks), which is what Go's {@code snappy.NewBufferedWriter} writes — not
 * raw snappy blocks.
 */
public final class SnappyCodec implements Codec {

    public static final String NAME = "snappy";

    @Override
    public String getMessageEncoding() {
        return NAME;
    }

    @Override
    public OutputStream compress(OutputStream os) throws IOException {
        return new SnappyFramedOutputStream(os);
    }

    @Override
    public InputStream decompress(InputStream is) throws IOException {
        return new SnappyFramedInputStream(is);
    }
}
