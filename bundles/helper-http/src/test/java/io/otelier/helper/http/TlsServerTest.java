package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TlsException;
import io.otelier.helper.tls.TlsServerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsServerTest {

    private final Echo echo = new Echo();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String file(String name) {
        try {
            return Path.of(TlsServerTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer startTls() throws IOException {
        server = HttpServers.start(HttpServerSettings.defaults("127.0.0.1:0")
                .withTls(TlsServerSettings.withFiles(file("server.pem"), file("server-key.pem"))),
                Map.of("/v1/logs", echo));
        return server;
    }

    @Test
    void httpsRoundTripWithTheConfiguredCa() throws Exception {
        startTls();
        String endpoint = "https://localhost:" + server.address().getPort();
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint)
                .withTls(TlsClientSettings.defaults().withCaFile(file("ca.pem"))).withCompression("gzip", 0));
        HttpResult result = client.post(URI.create(endpoint + "/v1/logs"), "application/json",
                "{\"resourceLogs\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(result.status()).isEqualTo(200);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("{\"resourceLogs\":[]}");
    }

    @Test
    void clientWithoutTheCaIsRefused() throws Exception {
        startTls();
        String endpoint = "https://localhost:" + server.address().getPort();
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint));
        assertThatThrownBy(() -> client.post(URI.create(endpoint + "/v1/logs"), "text/plain", new byte[1]))
                .isInstanceOf(IOException.class);
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void insecureSkipVerifyConnectsAnyway() throws Exception {
        startTls();
        String endpoint = "https://127.0.0.1:" + server.address().getPort();
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint)
                .withTls(TlsClientSettings.defaults().withInsecureSkipVerify(true)));
        assertThat(client.post(URI.create(endpoint + "/v1/logs"), "text/plain", new byte[3]).status()).isEqualTo(200);
    }

    @Test
    void plaintextRequestToATlsServerGetsNoAnswer() throws Exception {
        startTls();
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /v1/logs HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(raw::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void badTlsMaterialFailsTheStart() {
        assertThatThrownBy(() -> HttpServers.start(HttpServerSettings.defaults("127.0.0.1:0")
                .withTls(TlsServerSettings.withFiles("/nonexistent.pem", file("server-key.pem"))), Map.of()))
                .isInstanceOf(TlsException.class).hasMessageContaining("/nonexistent.pem");
    }
}
