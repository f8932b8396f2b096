package io.otelier.extension.admin.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.otelier.api.component.Host;
import io.otelier.api.extension.Extension;
import io.otelier.api.telemetry.Logger;
import io.otelier.runtime.admin.AdminDiscovery;
import io.otelier.runtime.admin.CollectorAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The admin endpoint: HTTP on a loopback address, every request carrying {@code Authorization: Bearer <token>}
 * with the token from a file only the collector's user can read (0600, written at start). At start it also
 * writes the discovery file through which {@code otelcol bundles|reload|components --live} find it; both files
 * are removed at shutdown.
 *
 * <pre>
 * GET  /v1/bundles                      bundle list
 * POST /v1/bundles/install              body: jar path or group:artifact:version
 * POST /v1/bundles/update?bsn=NAME      body: jar path or group:artifact:version
 * POST /v1/bundles/uninstall?bsn=NAME
 * POST /v1/reload                       reload the config (400 with the error when it is invalid)
 * GET  /v1/components                   live factories, as `otelcol components`
 * GET  /v1/pipelines                    each pipeline's status
 * </pre>
 */
final class AdminExtension implements Extension {

    private static final long RELOAD_TIMEOUT_MILLIS = 120_000;

    private final AdminConfig config;
    private final Logger log;
    private final Supplier<BundleOps> bundles;
    private final Supplier<Optional<CollectorAdmin>> collector;
    private final Map<String, String> env;
    private HttpServer server;
    private ExecutorService executor;
    private byte[] token;
    private Path tokenFile;
    private Path discoveryFile;

    AdminExtension(AdminConfig config, Logger log, Supplier<BundleOps> bundles,
            Supplier<Optional<CollectorAdmin>> collector, Map<String, String> env) {
        this.config = config;
        this.log = log;
        this.bundles = bundles;
        this.collector = collector;
        this.env = env;
    }

    @Override
    public void start(Host host) throws Exception {
        Path folder = AdminDiscovery.createFolder(AdminDiscovery.folder(env));
        long pid = ProcessHandle.current().pid();
        tokenFile = config.tokenFile() == null || config.tokenFile().isBlank() ? folder.resolve(pid + ".token")
                : Paths.get(config.tokenFile()).toAbsolutePath();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String tokenText = HexFormat.of().formatHex(random);
        token = tokenText.getBytes(StandardCharsets.UTF_8);
        writePrivate(tokenFile, tokenText + "\n");
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 16);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "otelier-admin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle);
        server.start();
        String endpoint = config.host() + ":" + server.getAddress().getPort();
        discoveryFile = AdminDiscovery.write(folder, new AdminDiscovery.Entry(pid, endpoint, tokenFile));
        log.info("Admin endpoint listening", "endpoint", endpoint, "token_file", tokenFile.toString(),
                "discovery_file", discoveryFile.toString());
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public void shutdown() throws IOException {
        if (server != null) {
            // 0: a reload asked through this endpoint may be what stops it; do not wait for that exchange
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        if (discoveryFile != null) {
            Files.deleteIfExists(discoveryFile);
        }
        if (tokenFile != null) {
            Files.deleteIfExists(tokenFile);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "missing or wrong token (see the collector's token file)\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                String answer = switch (method + " " + path) {
                    case "GET /v1/bundles" -> bundles.get().list();
                    case "POST /v1/bundles/install" -> bundles.get().install(body);
                    case "POST /v1/bundles/update" -> bundles.get().update(query(exchange, "bsn"), body);
                    case "POST /v1/bundles/uninstall" -> bundles.get().uninstall(query(exchange, "bsn"));
                    case "POST /v1/reload" -> reload();
                    case "GET /v1/components" -> running().components();
                    case "GET /v1/pipelines" -> pipelines();
                    default -> throw new BundleOps.OpException(404, "no such operation: " + method + " " + path);
                };
                log.info("Admin request done", "request", method + " " + path);
                reply(exchange, 200, answer);
            } catch (BundleOps.OpException e) {
                log.warn("Admin request refused", "request", method + " " + path, "error", e.getMessage());
                reply(exchange, e.status, e.getMessage() + "\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "interrupted\n");
            } catch (IOException | RuntimeException e) {
                log.error("Admin request failed", e, "request", method + " " + path);
                reply(exchange, 500, String.valueOf(e.getMessage()) + "\n");
            }
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    private CollectorAdmin running() throws BundleOps.OpException {
        return collector.get().orElseThrow(() -> new BundleOps.OpException(503, "the collector is not running"));
    }

    private String reload() throws BundleOps.OpException, InterruptedException {
        Optional<String> error = running().reload(RELOAD_TIMEOUT_MILLIS);
        if (error.isPresent()) {
            throw new BundleOps.OpException(400, "config reload rejected, the running pipelines are kept: "
                    + error.get());
        }
        return "config reloaded\n";
    }

    private String pipelines() throws BundleOps.OpException {
        StringBuilder out = new StringBuilder();
        running().pipelines().forEach((id, status) -> out.append(id).append(": ").append(status).append('\n'));
        return out.toString();
    }

    private static String query(HttpExchange exchange, String name) throws BundleOps.OpException {
        String q = exchange.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new BundleOps.OpException(400, "missing query parameter " + name);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
