package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.Signal;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.exporter.ExporterHelper;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.http.CompressionParams;
import io.otelier.helper.http.CookiesSettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.helper.tls.TlsClientSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code otlp_http} exporter's config: upstream's {@code otlphttpexporter.Config} (v0.165). Upstream squashes
 * {@code confighttp.ClientConfig} into it, so the client keys sit at the top level; {@link #clientSettings} puts
 * them back together for helper-http. The per-attempt time limit is the client's {@code timeout} (30s here):
 * upstream turns the exporterhelper timeout off for this exporter.
 *
 * @param endpoint        base URL; each signal is sent to {@code <endpoint>/v1/<signal>} unless its own endpoint
 *                        is set
 * @param tracesEndpoint  full URL for traces, overriding the base
 * @param metricsEndpoint full URL for metrics
 * @param logsEndpoint    full URL for logs
 * @param encoding        {@code proto} (default) or {@code json}
 */
public record OtlpHttpExporterConfig(String endpoint, String proxyUrl, TlsClientSettings tls, int readBufferSize,
        int writeBufferSize, Duration timeout, Map<String, String> headers, String compression,
        CompressionParams compressionParams, int maxConnsPerHost, boolean forceAttemptHttp2, CookiesSettings cookies,
        QueueSettings sendingQueue, RetrySettings retryOnFailure, String tracesEndpoint, String metricsEndpoint,
        String logsEndpoint, String encoding) implements ComponentConfig {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_COMPRESSION = "gzip";
    /** Upstream: "We almost read 0 bytes, so no need to tune ReadBufferSize." — writes are sized up. */
    public static final int DEFAULT_WRITE_BUFFER_SIZE = 512 * 1024;
    public static final String ENCODING_PROTO = "proto";
    public static final String ENCODING_JSON = "json";

    public OtlpHttpExporterConfig {
        endpoint = endpoint == null ? "" : endpoint;
        tracesEndpoint = tracesEndpoint == null ? "" : tracesEndpoint;
        metricsEndpoint = metricsEndpoint == null ? "" : metricsEndpoint;
        logsEndpoint = logsEndpoint == null ? "" : logsEndpoint;
        encoding = encoding == null ? ENCODING_PROTO : encoding;
    }

    /** Upstream's {@code createDefaultConfig}. */
    public static OtlpHttpExporterConfig defaults() {
        HttpClientSettings c = HttpClientSettings.defaults();
        return new OtlpHttpExporterConfig(c.endpoint(), c.proxyUrl(), c.tls(), c.readBufferSize(),
                DEFAULT_WRITE_BUFFER_SIZE, DEFAULT_TIMEOUT, c.headers(), DEFAULT_COMPRESSION, c.compressionParams(),
                c.maxConnsPerHost(), c.forceAttemptHttp2(), c.cookies(), QueueSettings.defaults(),
                RetrySettings.defaults(), "", "", "", ENCODING_PROTO);
    }

    public HttpClientSettings clientSettings() {
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    /**
     * Upstream's checks: at least one endpoint, the encoding, confighttp's, exporterhelper's. Stricter than
     * upstream: every endpoint given must be an http(s) URL with a host. Go's {@code url.Parse} accepts
     * {@code https:/host:8080/path} or {@code host:4318}, and the exporter then fails on every send; here they are
     * a config error naming the key and the value.
     */
    @Override
    public void validate() throws ConfigException {
        if (endpoint.isEmpty() && tracesEndpoint.isEmpty() && metricsEndpoint.isEmpty() && logsEndpoint.isEmpty()) {
            throw ConfigException.of("at least one endpoint must be specified");
        }
        if (!List.of(ENCODING_PROTO, ENCODING_JSON).contains(encoding)) {
            throw ConfigException.at("encoding", "invalid encoding type: " + encoding);
        }
        requireValidUrl("endpoint", endpoint);
        requireValidUrl("traces_endpoint", tracesEndpoint);
        requireValidUrl("metrics_endpoint", metricsEndpoint);
        requireValidUrl("logs_endpoint", logsEndpoint);
        clientSettings().validate();
        ExporterHelper.validate(null, sendingQueue, retryOnFailure);
    }

    /**
     * Where {@code signal} goes: its own endpoint, else the base endpoint plus {@code v1/<signal>} (upstream's
     * {@code composeSignalURL}).
     *
     * @throws ConfigException when neither is set (upstream fails creating that signal's exporter the same way)
     */
    public URI signalUrl(Signal signal) {
        String own = switch (signal) {
            case TRACES -> tracesEndpoint;
            case METRICS -> metricsEndpoint;
            case LOGS -> logsEndpoint;
        };
        if (!own.isEmpty()) {
            return URI.create(own);
        }
        if (endpoint.isEmpty()) {
            throw ConfigException.of("either endpoint or " + signal.id() + "_endpoint must be specified");
        }
        String path = "v1/" + signal.id();
        return URI.create(endpoint.endsWith("/") ? endpoint + path : endpoint + "/" + path);
    }

    private static void requireValidUrl(String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        urlProblem(value).ifPresent(problem -> {
            throw ConfigException.at(key, key + " must be a valid URL: \"" + value + "\" " + problem);
        });
    }

    /** Why {@code value} is not a URL this exporter can send to, if it is not. */
    static Optional<String> urlProblem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("does not parse (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme.isEmpty() ? "has no scheme (expected http:// or https://)"
                    : "has the unsupported scheme \"" + uri.getScheme() + "\" (expected http:// or https://)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            String authority = uri.getRawAuthority();
            return Optional.of(authority == null || authority.isEmpty()
                    ? "has no host (expected " + scheme + "://host[:port][/path])"
                    : "has an invalid host:port \"" + authority + "\"");
        }
        return Optional.empty();
    }
}
