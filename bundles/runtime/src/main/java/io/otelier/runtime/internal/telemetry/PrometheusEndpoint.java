package io.otelier.runtime.internal.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Serves {@code GET /metrics} from a {@link MetricsRegistry}, as upstream's pull Prometheus reader does on
 * service.telemetry.metrics (default localhost:8888). Uses the JDK's HTTP server; one daemon thread answers
 * scrapes. At metrics level none, {@link #start()} binds nothing, like upstream, which starts no server then.
 */
public final class PrometheusEndpoint {

    /** What promhttp answers a plain scrape with (expfmt's text format, default underscore escaping). */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";
    public static final String PATH = "/metrics";

    private final String host;
    private final int port;
    private final MetricsRegistry registry;
    private final PrometheusFormat format;
    private HttpServer server;
    private ExecutorService executor;

    public PrometheusEndpoint(String host, int port, MetricsRegistry registry) {
        this(host, port, registry, PrometheusFormat.UPSTREAM_DEFAULT);
    }

    /**
     * @param host name or address to bind; empty means every interface, {@code [::1]} and {@code ::1} both work
     * @param port 0 picks a free port (see {@link #address()})
     */
    public PrometheusEndpoint(String host, int port, MetricsRegistry registry, PrometheusFormat format) {
        this.host = unbracket(host == null ? "" : host);
        this.port = port;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException naming host:port when the address cannot be bound (in use, not local, unresolvable)
     * @throws IllegalStateException when already started
     */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("Prometheus endpoint " + hostPort() + " is already started");
        }
        if (!registry.enabled()) {
            return;
        }
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("binding address " + hostPort() + " for Prometheus exporter: unknown host \""
                    + host + "\"");
        }
        HttpServer created;
        try {
            created = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException("binding address " + hostPort() + " for Prometheus exporter: " + e.getMessage(), e);
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "otelier-metrics-" + created.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        created.start();
        server = created;
    }

    /** The bound address while started (with the real port when 0 was asked for); null otherwise. */
    public synchronized InetSocketAddress address() {
        return server == null ? null : server.getAddress();
    }

    /** Stops serving and releases the port before returning. Safe to call when not started. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            byte[] body = registry.render(format).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if (acceptsGzip(exchange)) {
                body = gzip(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            // A failing scrape must not take the server thread down; the client sees the connection close.
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String text)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(body);
        }
        return buffer.toByteArray();
    }

    private String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String unbracket(String host) {
        if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }
}
