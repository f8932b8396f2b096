package io.otelier.helper.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that answers with the decoded body and remembers every request it got. */
final class Echo implements HttpHandler {

    final List<HttpRequest> seen = new CopyOnWriteArrayList<>();

    @Override
    public HttpResponse handle(HttpRequest request) {
        seen.add(request);
        return new HttpResponse(200, "application/octet-stream", request.body(),
                Map.of("X-Method", request.method(), "X-Query", request.query()));
    }

    HttpRequest last() {
        return seen.get(seen.size() - 1);
    }

    static byte[] payload(int size) {
        byte[] out = new byte[size];
        byte[] words = "the quick brown fox jumps over the lazy dog 0123456789 ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (words[i % words.length] + (i / 997) % 3);
        }
        return out;
    }
}
