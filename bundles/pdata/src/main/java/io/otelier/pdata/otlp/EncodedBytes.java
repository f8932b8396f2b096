package io.otelier.pdata.otlp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Protobuf bytes of a whole {@code Export*ServiceRequest}, held as received (see {@link OtlpProto#receivedBytes}):
 * a snapshot that does not change when the data it came from is read or changed later.
 */
public interface EncodedBytes {

    /** The number of bytes {@link #writeTo} writes. */
    int size();

    /** Writes the bytes, without copying them first. */
    void writeTo(OutputStream out) throws IOException;
}
