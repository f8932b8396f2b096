package io.otelier.runtime.internal.cli;

import io.otelier.runtime.admin.AdminDiscovery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code otelcol bundles …}, {@code otelcol reload} and {@code otelcol components --live}: requests to a running
 * collector's admin extension ({@code otelier_admin}), found through {@link AdminDiscovery} unless
 * {@code --admin-endpoint}/{@code --token-file} say where it is.
 */
public final class AdminClient {

    /** Bundle operations can wait for a whole pipeline to drain. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Map<String, String> env;

    public AdminClient(Map<String, String> env) {
        this.env = env;
    }

    /** Runs the command and returns the exit status; the answer goes to {@code out}, problems to {@code err}. */
    public int run(CommandLine cli, PrintStream out, PrintStream err) {
        String endpoint = cli.adminEndpoint();
        Path tokenFile = cli.tokenFile() == null ? null : Paths.get(cli.tokenFile());
        try {
            if (endpoint == null || tokenFile == null) {
                AdminDiscovery.Entry found = discover();
                endpoint = endpoint == null ? found.endpoint() : endpoint;
                tokenFile = tokenFile == null ? found.tokenFile() : tokenFile;
            }
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            HttpRequest request = request(cli, endpoint, token);
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 == 2) {
                out.print(response.body());
                return 0;
            }
            err.println("Error: " + response.body().strip());
            return 1;
        } catch (NoCollectorException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Error: cannot reach the collector's admin endpoint " + (endpoint == null ? "" : endpoint)
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private AdminDiscovery.Entry discover() throws IOException, NoCollectorException {
        Path folder = AdminDiscovery.folder(env);
        List<AdminDiscovery.Entry> running = AdminDiscovery.running(folder);
        if (running.isEmpty()) {
            throw new NoCollectorException("no running collector with an admin endpoint found in " + folder
                    + " (add the otelier_admin extension to service::extensions, or pass --admin-endpoint and"
                    + " --token-file)");
        }
        if (running.size() > 1) {
            StringBuilder list = new StringBuilder();
            running.forEach(e -> list.append("\n  pid ").append(e.pid()).append(": --admin-endpoint ")
                    .append(e.endpoint()).append(" --token-file ").append(e.tokenFile()));
            throw new NoCollectorException(running.size() + " running collectors found; choose one with"
                    + " --admin-endpoint and --token-file:" + list);
        }
        return running.get(0);
    }

    private static HttpRequest request(CommandLine cli, String endpoint, String token) {
        String base = "http://" + endpoint + "/v1/";
        HttpRequest.Builder b;
        switch (cli.command()) {
            case RELOAD -> b = post(base + "reload", "");
            case COMPONENTS -> b = HttpRequest.newBuilder(URI.create(base + "components")).GET();
            default -> {
                List<String> a = cli.arguments();
                b = switch (a.get(0)) {
                    case "list" -> HttpRequest.newBuilder(URI.create(base + "bundles")).GET();
                    case "install" -> post(base + "bundles/install", source(a.get(1)));
                    case "update" -> post(base + "bundles/update?bsn=" + encode(a.get(1)), source(a.get(2)));
                    case "uninstall" -> post(base + "bundles/uninstall?bsn=" + encode(a.get(1)), "");
                    default -> throw new IllegalArgumentException(a.get(0));
                };
            }
        }
        return b.header("Authorization", "Bearer " + token).timeout(TIMEOUT).build();
    }

    /** A jar path is made absolute here: the collector runs in another working directory. */
    static String source(String jarOrCoordinates) {
        if (jarOrCoordinates.endsWith(".jar") || Files.exists(Paths.get(jarOrCoordinates))) {
            return Paths.get(jarOrCoordinates).toAbsolutePath().normalize().toString();
        }
        return jarOrCoordinates;
    }

    private static HttpRequest.Builder post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(body,
                StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static final class NoCollectorException extends Exception {
        private static final long serialVersionUID = 1L;

        NoCollectorException(String message) {
            super(message);
        }
    }
}
