package io.otelier.helper.http;

/**
 * Serves one path. Runs on a worker thread, never an I/O thread, so it may block (e.g. on a busy pipeline). An
 * exception becomes a 500 answer; the server keeps running.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request) throws Exception;
}
