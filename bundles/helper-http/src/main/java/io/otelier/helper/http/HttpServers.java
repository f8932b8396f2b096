package io.otelier.helper.http;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.http.internal.NettyHttpServer;
import io.otelier.helper.http.internal.NopLogger;
import java.io.IOException;
import java.util.Map;

/** Starts HTTP servers from {@link HttpServerSettings}: upstream's {@code ServerConfig.ToListener} + {@code ToServer}. */
public final class HttpServers {

    private HttpServers() {
    }

    /**
     * Binds the endpoint and starts serving: one handler per exact path, 404 for other paths, plain-text answers
     * for the errors found before a handler runs.
     *
     * @throws IOException with Go's wording when the address cannot be bound ({@code listen tcp …: bind: address
     *                     already in use}); {@link io.otelier.helper.tls.TlsException} when TLS material is bad
     */
    public static HttpServer start(HttpServerSettings settings, Map<String, HttpHandler> handlers) throws IOException {
        return start(settings, handlers, HttpErrorHandler.PLAIN, NopLogger.INSTANCE);
    }

    /**
     * As {@link #start(HttpServerSettings, Map)}, with the receiver's own error answers (OTLP receivers encode them
     * as a {@code google.rpc.Status}) and a logger for handler failures.
     */
    public static HttpServer start(HttpServerSettings settings, Map<String, HttpHandler> handlers,
            HttpErrorHandler errorHandler, Logger logger) throws IOException {
        return NettyHttpServer.start(settings, handlers, errorHandler, logger);
    }
}
