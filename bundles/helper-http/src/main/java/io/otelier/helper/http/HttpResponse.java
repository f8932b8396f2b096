package io.otelier.helper.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a handler answers. The server adds Content-Length, the configured {@code response_headers} and CORS
 * headers.
 *
 * @param contentType null or "" for none
 * @param headers     further headers (e.g. Retry-After)
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpResponse {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, contentType, body, Map.of());
    }

    /** Go's {@code http.Error}: the message and a newline as UTF-8 text, with {@code nosniff}. */
    public static HttpResponse error(int status, String message) {
        return new HttpResponse(status, "text/plain; charset=utf-8",
                (message + "\n").getBytes(StandardCharsets.UTF_8), Map.of("X-Content-Type-Options", "nosniff"));
    }

    public HttpResponse withHeader(String name, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, contentType, body, copy);
    }
}
