package io.otelier.helper.grpc.internal;

import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.EncodedBytes;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.otlp.PartialSuccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * grpc marshallers for one OTLP signal over {@link OtlpProto}: the {@code Export*ServiceRequest} as our model
 * (client side: the data itself; server side: a {@link DecodedRequest}) and the {@code Export*ServiceResponse}
 * as its {@link PartialSuccess}.
 */
public final class OtlpMarshallers<T extends Telemetry> {

    /** Decodes one signal's {@code Export*ServiceRequest}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws OtlpDecodeException;
    }

    private static final Marshaller<PartialSuccess> RESPONSE = new ResponseMarshaller();

    private final Decoder<T> decoder;
    private final Function<T, byte[]> encoder;

    public OtlpMarshallers(Decoder<T> decoder, Function<T, byte[]> encoder) {
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** The client's request marshaller: encodes the data, and decodes strictly (a bad message throws). */
    public Marshaller<T> clientRequest() {
        return new Marshaller<>() {
            @Override
            public InputStream stream(T value) {
                EncodedBytes received = OtlpProto.receivedBytes(value);
                return received != null ? new ReceivedMessage(received) : new EncodedMessage(encoder.apply(value));
            }

            @Override
            public T parse(InputStream stream) {
                try {
                    return decoder.decode(readAll(stream));
                } catch (OtlpDecodeException e) {
                    throw Status.INTERNAL.withDescription(e.getMessage()).withCause(e).asRuntimeException();
                }
            }
        };
    }

    /**
     * The server's request marshaller. Nothing throws out of it: a message over the size limit keeps grpc's
     * RESOURCE_EXHAUSTED, compressed data that does not decompress and a message that does not decode get
     * grpc-go's INTERNAL statuses, as upstream answers them.
     */
    public Marshaller<DecodedRequest<T>> serverRequest() {
        return new Marshaller<>() {
            @Override
            public InputStream stream(DecodedRequest<T> value) {
                return new EncodedMessage(encoder.apply(value.data()));
            }

            @Override
            public DecodedRequest<T> parse(InputStream stream) {
                byte[] bytes;
                try {
                    bytes = readAll(stream);
                } catch (StatusRuntimeException e) {
                    return DecodedRequest.failed(e.getStatus());
                } catch (UncheckedIOException e) {
                    return DecodedRequest.failed(Status.INTERNAL.withDescription(
                            "grpc: failed to decompress the received message: " + e.getCause().getMessage()));
                }
                try {
                    return DecodedRequest.of(decoder.decode(bytes));
                } catch (OtlpDecodeException e) {
                    return DecodedRequest.failed(Status.INTERNAL.withDescription(
                            "grpc: failed to unmarshal the received message: " + e.getMessage()));
                }
            }
        };
    }

    public static Marshaller<PartialSuccess> response() {
        return RESPONSE;
    }

    /**
     * Reads and closes the message stream. Closing matters: a decompressing stream (zstd) holds native memory
     * until closed. grpc's size check on decompressed data throws a RESOURCE_EXHAUSTED status while reading;
     * corrupt compressed data throws an {@link UncheckedIOException}.
     */
    static byte[] readAll(InputStream stream) {
        try (InputStream in = stream) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ResponseMarshaller implements Marshaller<PartialSuccess> {
        @Override
        public InputStream stream(PartialSuccess value) {
            return new EncodedMessage(OtlpProto.encodeExportResponse(value.rejected(), value.errorMessage()));
        }

        @Override
        public PartialSuccess parse(InputStream stream) {
            try {
                return OtlpProto.decodeExportResponse(readAll(stream));
            } catch (OtlpDecodeException e) {
                throw Status.INTERNAL.withDescription("malformed export response: " + e.getMessage()).withCause(e)
                        .asRuntimeException();
            }
        }
    }
}
