package io.otelier.receiver.otlp.internal;

import io.otelier.helper.http.HttpErrorHandler;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import java.util.Optional;

/**
 * Upstream's {@code errorHandler}: the errors helper-http finds before a handler runs, as a
 * {@code google.rpc.Status} — protobuf when the request was protobuf, JSON otherwise — with the same status.
 *
 * <p>A body over {@code max_request_body_size} is the exception: upstream meets it while its handler reads the
 * body, after the method and Content-Type checks, and answers it as a bad body (400, {@code http: request body
 * too large}). helper-http stops such a body early (413), so the handler's order and answer are restored here.
 */
final class OtlpHttpErrors implements HttpErrorHandler {

    static final OtlpHttpErrors INSTANCE = new OtlpHttpErrors();

    private OtlpHttpErrors() {
    }

    @Override
    public HttpResponse respond(HttpRequest request, int status, String message) {
        if (status == 413) {
            Optional<Encoding> accepted = HttpAnswers.acceptedEncoding(request);
            if (accepted.isEmpty()) {
                return HttpAnswers.refusal(request);
            }
            return HttpAnswers.error(accepted.get(), message, 400);
        }
        Encoding encoding = Encoding.of(request.headers().get("content-type"))
                .filter(e -> e == Encoding.PROTO).orElse(Encoding.JSON);
        return HttpAnswers.error(encoding, message, status);
    }
}
