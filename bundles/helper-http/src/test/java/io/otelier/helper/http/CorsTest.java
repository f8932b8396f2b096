package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CORS over a real socket, checked against what rs/cors (as upstream configures it) answers. */
class CorsTest {

    private final Echo echo = new Echo();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private RawHttp.Response exchange(CorsSettings cors, String request) throws IOException {
        if (server == null) {
            server = HttpServers.start(HttpServerSettings.defaults("127.0.0.1:0").withCors(cors),
                    Map.of("/v1/traces", echo));
        }
        try (RawHttp raw = new RawHttp(server.address())) {
            return raw.write(request).read();
        }
    }

    private static String preflight(String origin, String method, String headers) {
        return "OPTIONS /v1/traces HTTP/1.1\r\nHost: x\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Access-Control-Request-Method: " + method + "\r\n"
                + (headers == null ? "" : "Access-Control-Request-Headers: " + headers + "\r\n") + "\r\n";
    }

    @Test
    void allowedPreflightIsAnswered204WithTheCorsHeaders() throws IOException {
        // as rs/cors v1.11: configured headers replace the defaults (accept, content-type, x-requested-with)
        CorsSettings cors = new CorsSettings(List.of("https://app.example.com"), List.of("Content-Type", "X-Custom"),
                List.of(), 7200);
        RawHttp.Response r = exchange(cors, preflight("https://app.example.com", "POST", "content-type,x-custom"));
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("access-control-allow-origin")).isEqualTo("https://app.example.com");
        assertThat(r.header("access-control-allow-methods")).isEqualTo("POST");
        assertThat(r.header("access-control-allow-headers")).isEqualTo("content-type,x-custom");
        assertThat(r.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(r.header("access-control-max-age")).isEqualTo("7200");
        assertThat(r.header("vary")).isEqualTo("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        assertThat(r.header("content-length")).isNull();
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void refusedPreflightsAre204WithoutCorsHeaders() throws IOException {
        CorsSettings cors = CorsSettings.allowing("https://app.example.com");
        for (String request : List.of(
                preflight("https://evil.example.com", "POST", null),
                preflight("https://app.example.com", "DELETE", null),
                preflight("https://app.example.com", "POST", "x-not-allowed"),
                preflight(null, "POST", null))) {
            RawHttp.Response r = exchange(cors, request);
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("access-control-allow-origin")).isNull();
            assertThat(r.header("vary")).startsWith("Origin");
        }
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void wildcardsMatchOriginsCaseInsensitively() throws IOException {
        CorsSettings cors = CorsSettings.allowing("https://*.example.com");
        assertThat(exchange(cors, preflight("https://A.Example.com", "POST", null))
                .header("access-control-allow-origin")).isEqualTo("https://A.Example.com");
        assertThat(exchange(cors, preflight("https://example.org", "POST", null))
                .header("access-control-allow-origin")).isNull();
    }

    @Test
    void starAllowsEveryOriginAndAnswersStar() throws IOException {
        RawHttp.Response r = exchange(CorsSettings.allowing("*"), preflight("http://anything", "GET", null));
        assertThat(r.header("access-control-allow-origin")).isEqualTo("*");
    }

    @Test
    void actualRequestsGetAllowOriginAndExposedHeaders() throws IOException {
        CorsSettings cors = new CorsSettings(List.of("https://app.example.com"), List.of(), List.of("x-trace-id"), 0);
        RawHttp.Response r = exchange(cors, "POST /v1/traces HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example.com\r\n"
                + "Content-Length: 2\r\n\r\nhi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hi");
        assertThat(r.header("access-control-allow-origin")).isEqualTo("https://app.example.com");
        assertThat(r.header("access-control-expose-headers")).isEqualTo("X-Trace-Id");
        assertThat(r.header("vary")).isEqualTo("Origin");
        RawHttp.Response other = exchange(cors, "POST /v1/traces HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.com\r\n"
                + "Content-Length: 2\r\n\r\nhi");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("access-control-allow-origin")).isNull();
    }

    @Test
    void withoutOriginsCorsIsOffAndOptionsReachesTheHandler() throws IOException {
        RawHttp.Response r = exchange(new CorsSettings(List.of(), List.of("x-custom"), List.of(), 0),
                preflight("https://app.example.com", "POST", null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("vary")).isNull();
        assertThat(echo.last().method()).isEqualTo("OPTIONS");
    }

    @Test
    void requestedHeadersMustBeAllowedSortedAndLowerCase() throws IOException {
        CorsSettings cors = CorsSettings.allowing("https://a.com");
        assertThat(exchange(cors, preflight("https://a.com", "POST", "accept,content-type"))
                .header("access-control-allow-origin")).isEqualTo("https://a.com");
        assertThat(exchange(cors, preflight("https://a.com", "POST", "content-type,accept"))
                .header("access-control-allow-origin")).isNull();
        assertThat(exchange(cors, preflight("https://a.com", "POST", "Content-Type"))
                .header("access-control-allow-origin")).isNull();
    }

    @Test
    void starAllowsAnyRequestedHeader() throws IOException {
        CorsSettings cors = new CorsSettings(List.of("https://a.com"), List.of("*"), List.of(), 0);
        assertThat(exchange(cors, preflight("https://a.com", "POST", "x-whatever,x-other"))
                .header("access-control-allow-headers")).isEqualTo("x-whatever,x-other");
    }
}
