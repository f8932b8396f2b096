package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.exporter.Sender;
import io.otelier.helper.http.ConfiguredHttpClient;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.helper.http.HttpClients;
import io.otelier.helper.http.HttpResult;
import io.otelier.pdata.Metrics;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Translates a request and POSTs it as one remote write 1.0 request (upstream's {@code pushMetricsV1} and
 * {@code execute}). 2xx is success; 5xx may succeed later; any other answer, 429 included, is permanent, as
 * upstream without its alpha {@code RetryOn429} gate. Thread-safe.
 */
final class PrwSender implements Sender<Metrics> {

    static final String CONTENT_TYPE = "application/x-protobuf";
    static final String REMOTE_WRITE_VERSION = "0.1.0";
    private static final int ERROR_BODY_LIMIT = 1024;

    private final HttpClientSettings settings;
    private final URI url;
    private final TranslationSettings translation;
    private final Map<String, String> headers;
    private final Logger log;
    private volatile ConfiguredHttpClient client;

    PrwSender(HttpClientSettings settings, URI url, TranslationSettings translation, String userAgent, Logger log) {
        this.settings = settings;
        this.url = url;
        this.translation = translation;
        // upstream sets these itself, after the configured headers of its client
        this.headers = Map.of("Content-Encoding", "snappy", "User-Agent", userAgent,
                "X-Prometheus-Remote-Write-Version", REMOTE_WRITE_VERSION);
        this.log = log;
    }

    @Override
    public void start(Host host) {
        client = HttpClients.create(settings);
    }

    /** @param timeout unused: the client's {@code timeout} bounds each attempt, as upstream */
    @Override
    public void send(RequestContext context, Metrics data, Duration timeout) throws ConsumerException {
        ConfiguredHttpClient current = client;
        if (current == null) {
            throw new RetryableException("prometheus_remote_write exporter not started");
        }
        MetricsTranslator.Result translated = MetricsTranslator.translate(data, translation);
        if (!translated.errors().isEmpty()) {
            log.debug("failed to translate metrics, exporting remaining metrics", "error",
                    String.join("; ", translated.errors()), "translated", translated.series().size());
        }
        if (translated.series().isEmpty()) {
            return;
        }
        HttpResult result;
        try {
            result = current.send("POST", url, CONTENT_TYPE, WriteRequests.compressed(translated.series()),
                    headers);
        } catch (IOException e) {
            throw new RetryableException("Post \"" + url + "\": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("Post \"" + url + "\": interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new PermanentException("Post \"" + url + "\": " + e.getMessage(), e);
        }
        int status = result.status();
        if (status >= 200 && status < 300) {
            log.debug("remote write request successful", "status_code", status, "endpoint", url.toString());
            return;
        }
        byte[] body = result.body() == null ? new byte[0] : result.body();
        log.error("failed to send WriteRequest to remote endpoint", null, "status_code", status, "endpoint",
                url.toString(), "error", new String(Arrays.copyOf(body, Math.min(body.length, ERROR_BODY_LIMIT)),
                        StandardCharsets.UTF_8));
        String message = "remote write request failed (HTTP " + status + ")";
        if (status >= 500 && status < 600) {
            throw new RetryableException(message);
        }
        throw new PermanentException(message);
    }

    /** Java 17's client has no {@code close()}: dropping the only reference releases it. */
    @Override
    public void shutdown() {
        client = null;
    }
}
