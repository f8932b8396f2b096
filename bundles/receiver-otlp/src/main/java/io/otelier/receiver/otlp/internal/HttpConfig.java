package io.otelier.receiver.otlp.internal;

import io.otelier.api.component.Signal;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.http.CorsSettings;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.helper.http.KeepaliveServerSettings;
import io.otelier.helper.tls.TlsServerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code HTTPConfig}: confighttp's server settings squashed into the section (the fields of
 * {@link HttpServerSettings}, in its order) plus the URL path of each signal. Jackson cannot squash into a record,
 * so the fields are restated here and {@link #toServerSettings()} hands them to helper-http.
 *
 * <p>The paths keep what the user wrote; {@link #path(Signal)} is the path served (upstream's
 * {@code SanitizedURLPath}: {@code traces} serves {@code /traces}).
 */
public record HttpConfig(String endpoint, String transport, TlsServerSettings tls, CorsSettings cors,
        long maxRequestBodySize, boolean includeMetadata, Map<String, String> responseHeaders,
        List<String> compressionAlgorithms, Duration readTimeout, Duration readHeaderTimeout, Duration writeTimeout,
        KeepaliveServerSettings keepalive, String tracesUrlPath, String metricsUrlPath, String logsUrlPath)
        implements ComponentConfig {

    public static final String DEFAULT_ENDPOINT = "localhost:4318";
    public static final String DEFAULT_TRACES_URL_PATH = "/v1/traces";
    public static final String DEFAULT_METRICS_URL_PATH = "/v1/metrics";
    public static final String DEFAULT_LOGS_URL_PATH = "/v1/logs";

    public HttpConfig {
        tracesUrlPath = tracesUrlPath == null ? DEFAULT_TRACES_URL_PATH : tracesUrlPath;
        metricsUrlPath = metricsUrlPath == null ? DEFAULT_METRICS_URL_PATH : metricsUrlPath;
        logsUrlPath = logsUrlPath == null ? DEFAULT_LOGS_URL_PATH : logsUrlPath;
    }

    /**
     * Upstream's defaults for the section: confighttp's server defaults on {@code localhost:4318}, without TLS,
     * with the read-header and write timeouts dropped to zero, and the {@code /v1/*} paths.
     */
    public static HttpConfig defaults() {
        HttpServerSettings server = HttpServerSettings.defaults(DEFAULT_ENDPOINT)
                .withTls(null)
                .withTimeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO); // confighttp has no read timeout either
        return of(server, DEFAULT_TRACES_URL_PATH, DEFAULT_METRICS_URL_PATH, DEFAULT_LOGS_URL_PATH);
    }

    /** The section made of server settings and paths. */
    public static HttpConfig of(HttpServerSettings s, String tracesUrlPath, String metricsUrlPath,
            String logsUrlPath) {
        return new HttpConfig(s.endpoint(), s.transport(), s.tls(), s.cors(), s.maxRequestBodySize(),
                s.includeMetadata(), s.responseHeaders(), s.compressionAlgorithms(), s.readTimeout(),
                s.readHeaderTimeout(), s.writeTimeout(), s.keepalive(), tracesUrlPath, metricsUrlPath, logsUrlPath);
    }

    /** The squashed server settings. */
    public HttpServerSettings toServerSettings() {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    /** This section with other server settings and the same paths. */
    public HttpConfig withServerSettings(HttpServerSettings s) {
        return of(s, tracesUrlPath, metricsUrlPath, logsUrlPath);
    }

    /** This section with other paths. */
    public HttpConfig withPaths(String traces, String metrics, String logs) {
        return new HttpConfig(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata, responseHeaders,
                compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive, traces, metrics, logs);
    }

    /**
     * The path {@code signal} is served on, always absolute.
     *
     * @throws IllegalArgumentException when the written path does not parse (rejected by {@link #validate()})
     */
    public String path(Signal signal) {
        return UrlPath.sanitize(rawPath(signal));
    }

    private String rawPath(Signal signal) {
        return switch (signal) {
            case TRACES -> tracesUrlPath;
            case METRICS -> metricsUrlPath;
            case LOGS -> logsUrlPath;
        };
    }

    /** The paths as upstream decodes them, then the server settings (its nested sections validate themselves). */
    @Override
    public void validate() throws ConfigException {
        for (Signal signal : Signal.values()) {
            try {
                path(signal);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(signal.id() + "_url_path", e.getMessage());
            }
        }
        toServerSettings().validate();
    }
}
