package io.otelier.helper.http;

/**
 * Answers the errors the server finds before a handler runs (upstream's {@code WithErrorHandler}): an unsupported
 * or broken Content-Encoding (400), a body over {@code max_request_body_size} (413 here; upstream's OTLP receiver
 * reports that one as 400 with the same message, so it maps the status itself). The request's body is empty.
 */
@FunctionalInterface
public interface HttpErrorHandler {

    /** Go's {@code http.Error}: text/plain. */
    HttpErrorHandler PLAIN = (request, status, message) -> HttpResponse.error(status, message);

    HttpResponse respond(HttpRequest request, int status, String message);
}
