package io.otelier.receiver.otlp.internal;

import io.grpc.ServerServiceDefinition;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.grpc.GrpcServer;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.helper.grpc.GrpcServers;
import io.otelier.helper.grpc.OtlpGrpc;
import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpServer;
import io.otelier.helper.http.HttpServers;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers of one {@code otlp} receiver, shared by its traces, metrics and logs instances (upstream's
 * {@code otlpReceiver} behind {@code sharedcomponent}): each instance registers its pipeline, the first start
 * binds the gRPC and HTTP servers with a service or path for every registered signal, and the servers stop when
 * the last started instance shuts down. A signal without a pipeline is not served, as upstream (gRPC
 * UNIMPLEMENTED, HTTP 404).
 */
final class OtlpReceiver {

    private enum State { CREATED, RUNNING, FAILED, STOPPED }

    private final OtlpReceiverConfig config;
    private final Logger log;
    private final Runnable onStopped;
    private SignalExport<Traces> traces;
    private SignalExport<Metrics> metrics;
    private SignalExport<Logs> logs;
    private State state = State.CREATED;
    private Exception startFailure;
    private int running;
    private GrpcServer grpcServer;
    private HttpServer httpServer;

    /** @param onStopped called once, when the servers stopped or failed to start: the factory forgets this one */
    OtlpReceiver(OtlpReceiverConfig config, Logger log, Runnable onStopped) {
        this.config = config;
        this.log = log;
        this.onStopped = onStopped;
    }

    synchronized void registerTraces(Consumer<Traces> next) {
        traces = new SignalExport<>(OtlpSignal.TRACES, next);
    }

    synchronized void registerMetrics(Consumer<Metrics> next) {
        metrics = new SignalExport<>(OtlpSignal.METRICS, next);
    }

    synchronized void registerLogs(Consumer<Logs> next) {
        logs = new SignalExport<>(OtlpSignal.LOGS, next);
    }

    /**
     * Called by each instance's start: the first call starts the servers, later ones join them. A failed start
     * leaves nothing running and fails every later call the same way.
     */
    synchronized void start() throws Exception {
        switch (state) {
            case RUNNING -> running++;
            case FAILED -> throw startFailure;
            case STOPPED -> throw new IllegalStateException("the otlp receiver's servers were already shut down");
            case CREATED -> {
                try {
                    startGrpc();
                    startHttp();
                } catch (Exception e) {
                    stopServers(); // upstream: a good gRPC server must not outlive a bad HTTP config
                    state = State.FAILED;
                    startFailure = e;
                    onStopped.run();
                    throw e;
                }
                state = State.RUNNING;
                running = 1;
            }
        }
    }

    /** Called by each started instance's shutdown; the last one stops the servers, draining what is in flight. */
    synchronized void release() {
        if (state != State.RUNNING || --running > 0) {
            return;
        }
        state = State.STOPPED;
        stopServers();
        onStopped.run();
    }

    private void startGrpc() throws Exception {
        GrpcServerSettings settings = config.protocols().grpc();
        if (settings == null) {
            return;
        }
        List<ServerServiceDefinition> services = new ArrayList<>(3);
        if (traces != null) {
            services.add(OtlpGrpc.traceService(traces));
        }
        if (metrics != null) {
            services.add(OtlpGrpc.metricsService(metrics));
        }
        if (logs != null) {
            services.add(OtlpGrpc.logsService(logs));
        }
        grpcServer = GrpcServers.start(settings, services.toArray(ServerServiceDefinition[]::new));
        log.info("Starting GRPC server", "endpoint", goAddress(grpcServer.address()));
    }

    private void startHttp() throws Exception {
        HttpConfig settings = config.protocols().http();
        if (settings == null) {
            return;
        }
        Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        Map<String, Signal> servedBy = new LinkedHashMap<>();
        for (SignalExport<?> export : exports()) {
            Signal signal = export.signal().signal();
            String path = settings.path(signal);
            Signal other = servedBy.putIfAbsent(path, signal);
            if (other != null) {
                throw new IllegalStateException("protocols::http: " + other.id() + "_url_path and " + signal.id()
                        + "_url_path are both \"" + path + "\"; each signal needs its own path");
            }
            handlers.put(path, handler(export));
        }
        httpServer = HttpServers.start(settings.toServerSettings(), handlers, OtlpHttpErrors.INSTANCE, log);
        log.info("Starting HTTP server", "endpoint", goAddress(httpServer.address()));
    }

    private static <T extends Telemetry> HttpHandler handler(SignalExport<T> export) {
        return new OtlpHttpHandler<>(export);
    }

    private List<SignalExport<?>> exports() {
        List<SignalExport<?>> out = new ArrayList<>(3);
        for (SignalExport<?> export : new SignalExport<?>[] {traces, metrics, logs}) {
            if (export != null) {
                out.add(export);
            }
        }
        return out;
    }

    /** HTTP first, then gRPC, as upstream's Shutdown; each drains the requests in flight. */
    private void stopServers() {
        if (httpServer != null) {
            httpServer.stop();
            httpServer = null;
        }
        if (grpcServer != null) {
            grpcServer.close();
            grpcServer = null;
        }
    }

    /** The bound gRPC address while running (tests learn the port chosen for port 0 here). */
    synchronized Optional<InetSocketAddress> grpcAddress() {
        return Optional.ofNullable(grpcServer).map(GrpcServer::address);
    }

    synchronized Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(httpServer).map(HttpServer::address);
    }

    /** Go's {@code net.Addr.String()}: {@code 127.0.0.1:4317}, {@code [::1]:4317}. */
    static String goAddress(InetSocketAddress address) {
        if (address.getAddress() instanceof Inet6Address v6) {
            String zone = v6.getScopedInterface() != null ? "%" + v6.getScopedInterface().getName()
                    : v6.getScopeId() != 0 ? "%" + v6.getScopeId() : "";
            return "[" + compressed(v6.getAddress()) + zone + "]:" + address.getPort();
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host + ":" + address.getPort();
    }

    /** RFC 5952 text of an IPv6 address, as Go prints it: the longest run of two or more zero groups is "::". */
    private static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
