package io.otelier.helper.http;

import io.otelier.helper.http.internal.Compression;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A {@code java.net.http} client that sends as upstream's configured client does: the configured headers on
 * every request, the body compressed with the configured algorithm (unless the caller already set a
 * Content-Encoding), the configured timeout, at most {@code max_conns_per_host} requests at once.
 * Thread-safe; made by {@link HttpClients#create}.
 */
public final class ConfiguredHttpClient {

    private final HttpClient client;
    private final HttpClientSettings settings;
    private final Semaphore connections;

    ConfiguredHttpClient(HttpClient client, HttpClientSettings settings) {
        this.client = client;
        this.settings = settings;
        this.connections = settings.maxConnsPerHost() > 0 ? new Semaphore(settings.maxConnsPerHost(), true) : null;
    }

    /** The configured endpoint as a URI. */
    public URI endpoint() {
        return URI.create(settings.endpoint());
    }

    /** The underlying JDK client (TLS, proxy, redirects and HTTP version already set). */
    public HttpClient jdkClient() {
        return client;
    }

    public HttpResult post(URI uri, String contentType, byte[] body) throws IOException, InterruptedException {
        return send("POST", uri, contentType, body, Map.of());
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param contentType  null for none
     * @param extraHeaders per-request headers; the configured ones override them, as upstream's header round
     *                     tripper sets its headers last
     * @throws IOException on connection failure, timeout ({@link java.net.http.HttpTimeoutException}) or a
     *                     compression failure
     */
    public HttpResult send(String method, URI uri, String contentType, byte[] body, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            // Go's transport speaks HTTP/2 only through TLS; the JDK would otherwise try an h2c upgrade
            request.version(HttpClient.Version.HTTP_1_1);
        }
        byte[] payload = body == null ? new byte[0] : body;
        boolean callerEncoded = extraHeaders.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-encoding"));
        if (settings.compressed() && !callerEncoded) {
            payload = Compression.encode(settings.compression(), settings.compressionParams().level(), payload);
            request.header("Content-Encoding", settings.compression());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        extraHeaders.forEach(request::setHeader);
        settings.headers().forEach(request::setHeader);
        if (!settings.timeout().isZero() && !settings.timeout().isNegative()) {
            request.timeout(settings.timeout());
        }
        request.method(method, payload.length == 0 && !method.equals("POST") && !method.equals("PUT")
                ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(payload));
        if (connections != null) {
            connections.acquire();
        }
        try {
            java.net.http.HttpRequest built = request.build();
            java.net.http.HttpResponse<byte[]> response;
            try {
                response = client.send(built, BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!closedBeforeAnswer(e)) {
                    throw e;
                }
                // a pooled connection died before any byte of the answer: Go's transport retries such requests
                // once on a fresh connection, and so do we (the JDK client's pool can also close a connection it is
                // reusing when the answer races the hand-over)
                response = client.send(built, BodyHandlers.ofByteArray());
            }
            return new HttpResult(response.statusCode(), Headers.of(response.headers().map().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList()),
                    response.body());
        } finally {
            if (connections != null) {
                connections.release();
            }
        }
    }

    private static boolean closedBeforeAnswer(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
    }

    /** The configured request timeout (zero: none). */
    public Duration timeout() {
        return settings.timeout();
    }
}
