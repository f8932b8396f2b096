package io.otelier.receiver.otlp.internal;

import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import java.util.Optional;

/** The two OTLP/HTTP encodings (upstream's {@code encoder.go}): a response is written as its request was. */
enum Encoding {

    PROTO("application/x-protobuf"),
    JSON("application/json");

    private final String contentType;

    Encoding(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The encoding a Content-Type header asks for, if it is one of the two (parameters allowed). */
    static Optional<Encoding> of(String contentTypeHeader) {
        String mediaType = MediaType.of(contentTypeHeader);
        for (Encoding e : values()) {
            if (e.contentType.equals(mediaType)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    <T extends Telemetry> T decode(OtlpSignal<T> signal, byte[] body) throws OtlpDecodeException {
        return this == PROTO ? signal.proto().decode(body) : signal.json().decode(body);
    }

    /** An {@code Export*ServiceResponse} without partial success: the receiver accepted everything. */
    byte[] acceptedResponse(OtlpSignal<?> signal) {
        return this == PROTO ? OtlpProto.encodeExportResponse(0, "")
                : OtlpJson.encodeExportResponse(signal.type(), 0, "");
    }

    byte[] status(RpcStatus status) {
        return this == PROTO ? status.toProto() : status.toJson();
    }
}
