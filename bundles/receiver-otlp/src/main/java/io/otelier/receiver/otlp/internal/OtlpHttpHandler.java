package io.otelier.receiver.otlp.internal;

import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.OtlpDecodeException;
import java.util.Optional;

/**
 * One signal's OTLP/HTTP path (upstream's {@code handleTraces} and siblings): POST only (405), protobuf or JSON
 * only (415), a body that does not decode is 400, a refusal by the pipeline is answered with the HTTP status of
 * its gRPC status (503 for retryable, 500 for permanent errors), success is 200 with an empty
 * {@code Export*ServiceResponse}. Every error body is a {@code google.rpc.Status} in the request's encoding.
 */
final class OtlpHttpHandler<T extends Telemetry> implements HttpHandler {

    private final SignalExport<T> export;

    OtlpHttpHandler(SignalExport<T> export) {
        this.export = export;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Optional<Encoding> accepted = HttpAnswers.acceptedEncoding(request);
        if (accepted.isEmpty()) {
            return HttpAnswers.refusal(request);
        }
        Encoding encoding = accepted.get();
        T data;
        try {
            data = encoding.decode(export.signal(), request.body());
        } catch (OtlpDecodeException e) {
            return HttpAnswers.error(encoding, e.getMessage(), 400);
        }
        try {
            export.export(request.context(), data);
        } catch (Exception e) {
            RpcStatus status = RpcStatus.fromConsumerError(e);
            return HttpAnswers.status(encoding, status.httpStatus(), status);
        }
        return HttpResponse.of(200, encoding.contentType(), encoding.acceptedResponse(export.signal()));
    }
}
