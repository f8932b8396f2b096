package io.otelier.receiver.otlp.internal;

import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The answers of upstream's {@code otlphttp.go} that do not depend on the signal. */
final class HttpAnswers {

    static final String METHOD_NOT_ALLOWED = "405 method not allowed, supported: [POST]";
    static final String UNSUPPORTED_MEDIA_TYPE = "415 unsupported media type, supported: ["
            + Encoding.JSON.contentType() + ", " + Encoding.PROTO.contentType() + "]";

    private HttpAnswers() {
    }

    /** The encoding of a request the receiver takes: a POST of protobuf or JSON. */
    static Optional<Encoding> acceptedEncoding(HttpRequest request) {
        if (!request.method().equals("POST")) {
            return Optional.empty();
        }
        return Encoding.of(request.headers().get("content-type"));
    }

    /** Why {@link #acceptedEncoding} found nothing: 405 for another method, else 415. Plain text, as upstream. */
    static HttpResponse refusal(HttpRequest request) {
        if (!request.method().equals("POST")) {
            return HttpResponse.of(405, "text/plain", METHOD_NOT_ALLOWED.getBytes(StandardCharsets.UTF_8));
        }
        return HttpResponse.of(415, "text/plain", UNSUPPORTED_MEDIA_TYPE.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Upstream's {@code writeStatusResponse}: the status in the request's encoding and, when a throttled answer
     * (429, 503) carries a retry delay, {@code Retry-After} in whole seconds.
     */
    static HttpResponse status(Encoding encoding, int httpStatus, RpcStatus status) {
        HttpResponse response = HttpResponse.of(httpStatus, encoding.contentType(), encoding.status(status));
        if ((httpStatus == 429 || httpStatus == 503) && status.retryDelay() != null) {
            response = response.withHeader("Retry-After", Long.toString(status.retryDelay().getSeconds()));
        }
        return response;
    }

    /** Upstream's {@code writeError} for an error without a gRPC status: the HTTP status decides the code. */
    static HttpResponse error(Encoding encoding, String message, int httpStatus) {
        return status(encoding, httpStatus, RpcStatus.fromHttp(message, httpStatus));
    }
}
