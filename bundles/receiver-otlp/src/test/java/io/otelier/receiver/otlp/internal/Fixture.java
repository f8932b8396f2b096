package io.otelier.receiver.otlp.internal;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An otlp receiver with traces, metrics and logs instances on loopback, each feeding a sink. */
final class Fixture implements AutoCloseable {

    final OtlpReceiverFactory factory = new OtlpReceiverFactory();
    final TestSettings settings = TestSettings.of(ComponentKind.RECEIVER, "otlp");
    final SinkConsumer<Traces> traces = new SinkConsumer<>();
    final SinkConsumer<Metrics> metrics = new SinkConsumer<>();
    final SinkConsumer<Logs> logs = new SinkConsumer<>();
    final List<Receiver> instances = new ArrayList<>();
    private ManagedChannel channel;

    static GrpcServerSettings grpcOnLoopback() {
        return Protocols.grpcDefaults().withEndpoint("127.0.0.1:0");
    }

    static HttpConfig httpOnLoopback() {
        HttpConfig defaults = HttpConfig.defaults();
        return defaults.withServerSettings(defaults.toServerSettings().withEndpoint("127.0.0.1:0"));
    }

    static OtlpReceiverConfig config(GrpcServerSettings grpc, HttpConfig http) {
        return new OtlpReceiverConfig(new Protocols(grpc, http));
    }

    static OtlpReceiverConfig loopback() {
        return config(grpcOnLoopback(), httpOnLoopback());
    }

    /** Creates the three instances of one config and starts them, as the runtime does. */
    Fixture start(OtlpReceiverConfig config) throws Exception {
        instances.add(factory.createTraces(settings.settings, config, traces));
        instances.add(factory.createMetrics(settings.settings, config, metrics));
        instances.add(factory.createLogs(settings.settings, config, logs));
        for (Receiver r : instances) {
            r.start(new TestHost());
        }
        return this;
    }

    OtlpReceiver shared() {
        return ((SignalReceiver) instances.get(0)).shared();
    }

    InetSocketAddress http() {
        return shared().httpAddress().orElseThrow();
    }

    ManagedChannel grpc() {
        if (channel == null) {
            channel = NettyChannelBuilder.forAddress("127.0.0.1", shared().grpcAddress().orElseThrow().getPort())
                    .usePlaintext().build();
        }
        return channel;
    }

    @Override
    public void close() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        for (Receiver r : instances) {
            r.shutdown();
        }
    }
}
