package io.otelier.exporter.prometheusremotewrite.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback remote write endpoint: records each request, answers with scripted statuses, then 204. */
final class RemoteWriteBackend implements AutoCloseable {

    /** Thread names of this server, which stay across a test. */
    static final String THREADS = "remote-write-backend";

    record Request(String method, String path, Map<String, List<String>> headers, byte[] body, int status) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        List<TimeSeries> series() throws IOException {
            return WriteRequestDecoder.decodeSnappy(body);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, THREADS));

    RemoteWriteBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer status = statuses.poll();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, status == null ? 204 : status));
            byte[] answer = status == null ? new byte[0] : ("answer " + status).getBytes();
            exchange.sendResponseHeaders(status == null ? 204 : status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Answers the next requests with these statuses, in order. */
    RemoteWriteBackend answering(Integer... codes) {
        statuses.addAll(List.of(codes));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
