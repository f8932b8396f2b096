package io.otelier.exporter.otlp.http.internal;

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
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One POST per request (upstream otlphttpexporter's {@code export}). The client is made at start and never
 * connects there, so a backend that is down or a name that does not resolve yet never fails startup; each
 * attempt is bounded by the client's {@code timeout}. Thread-safe.
 */
final class OtlpHttpSender<T extends Telemetry> implements Sender<T> {

    private final HttpClientSettings settings;
    private final URI url;
    private final String encoding;
    private final String contentType;
    private final SignalFormat<T> format;
    private final Map<String, String> userAgent;
    private final Logger log;
    private final Clock clock;
    private volatile ConfiguredHttpClient client;

    OtlpHttpSender(HttpClientSettings settings, URI url, String encoding, SignalFormat<T> format, String userAgent,
            Logger log, Clock clock) {
        this.settings = settings;
        this.url = url;
        this.encoding = encoding;
        this.contentType = OtlpHttpExporterConfig.ENCODING_JSON.equals(encoding) ? ExportResponses.JSON
                : ExportResponses.PROTOBUF;
        this.format = format;
        // a configured User-Agent header still wins: helper-http sets the config's headers last, as upstream
        this.userAgent = Map.of("User-Agent", userAgent);
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void start(Host host) {
        client = HttpClients.create(settings);
    }

    /** @param timeout unused: the client's own {@code timeout} bounds each attempt, as upstream */
    @Override
    public void send(RequestContext context, T data, Duration timeout) throws ConsumerException {
        ConfiguredHttpClient current = client;
        if (current == null) {
            throw new RetryableException("otlp_http exporter not started");
        }
        byte[] body = format.encode(data, encoding);
        log.debug("Preparing to make HTTP request", "url", url.toString());
        HttpResult result;
        try {
            result = current.send("POST", url, contentType, body, userAgent);
        } catch (IOException e) {
            throw new RetryableException(requestFailed(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException(requestFailed(e), e);
        } catch (IllegalArgumentException e) {
            // the JDK client refuses the URL itself (e.g. a host name it cannot use): no retry will change that
            throw new PermanentException(requestFailed(e), e);
        }
        if (!result.successful()) {
            throw ExportResponses.failure(url, result, clock);
        }
        PartialSuccess partial = ExportResponses.partialSuccess(result);
        if (!partial.errorMessage().isEmpty() || partial.rejected() != 0) {
            log.warn("Partial success response", "message", partial.errorMessage(), format.droppedField(),
                    partial.rejected());
        }
    }

    /**
     * Java 17's client has no {@code close()}: its selector thread and pool end once the client is unreachable, so
     * dropping the only reference is how it is released.
     */
    @Override
    public void shutdown() {
        client = null;
    }

    /** Upstream's {@code failed to make an HTTP request: Post "<url>": <cause>}. */
    private String requestFailed(Exception e) {
        return "failed to make an HTTP request: Post \"" + ExportResponses.redacted(url) + "\": " + describe(e);
    }

    /** The exception and its causes, as far as they say something (JDK connect errors often carry no message). */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isEmpty()) {
                out.append(" ").append(t.getMessage());
            }
        }
        return out.toString();
    }
}
