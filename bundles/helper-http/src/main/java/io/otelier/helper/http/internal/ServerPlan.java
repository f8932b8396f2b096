package io.otelier.helper.http.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.http.HttpErrorHandler;
import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpServerSettings;
import java.util.List;
import java.util.Map;

/** Everything a connection needs, resolved once from the settings when the server starts. */
record ServerPlan(Map<String, HttpHandler> handlers, HttpErrorHandler errorHandler, Logger logger, long maxBodySize,
        List<String> encodings, CorsRules cors, Map<String, String> responseHeaders, boolean includeMetadata,
        long readTimeoutNanos, long readHeaderTimeoutNanos, long writeTimeoutNanos, long idleTimeoutNanos) {

    static ServerPlan of(HttpServerSettings s, Map<String, HttpHandler> handlers, HttpErrorHandler errorHandler,
            Logger logger) {
        return new ServerPlan(Map.copyOf(handlers), errorHandler, logger, s.effectiveMaxRequestBodySize(),
                s.effectiveCompressionAlgorithms(),
                s.cors() != null && s.cors().active() ? new CorsRules(s.cors()) : null, s.responseHeaders(),
                s.includeMetadata(), s.readTimeout().toNanos(),
                // upstream: a zero read_header_timeout falls back to read_timeout
                s.readHeaderTimeout().isZero() ? s.readTimeout().toNanos() : s.readHeaderTimeout().toNanos(),
                s.writeTimeout().toNanos(), s.effectiveIdleTimeout().toNanos());
    }
}
