package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Compressor;
import io.grpc.CompressorRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TlsServerSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.otlp.PartialSuccess;
import io.otelier.testkit.ProtoBytes;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real servers and channels over loopback: what a receiver and an exporter do with this helper. */
class GrpcRoundTripTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path certificates;
    private static TestCertificates.Pem serverCert;
    private static TestCertificates.Pem clientCert;

    private final List<GrpcServer> servers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverCert = TestCertificates.selfSigned(certificates, "localhost");
        clientCert = TestCertificates.selfSigned(certificates, "client");
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
            assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).as("channel terminated").isTrue();
        }
        for (GrpcServer server : servers) {
            assertThat(server.shutdown(Duration.ofSeconds(10))).as("server stopped").isTrue();
        }
    }

    @Test
    void tracesMetricsAndLogsArrive() {
        Recorder<Traces> traces = new Recorder<>();
        Recorder<Metrics> metrics = new Recorder<>();
        Recorder<Logs> logs = new Recorder<>();
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces), OtlpGrpc.metricsService(metrics),
                OtlpGrpc.logsService(logs));
        ManagedChannel channel = channel(clientSettings(server));

        assertThat(export(channel, TestData.traces(3))).isEqualTo(PartialSuccess.NONE);
        assertThat(export(channel, TestData.metrics())).isEqualTo(PartialSuccess.NONE);
        assertThat(export(channel, TestData.logs())).isEqualTo(PartialSuccess.NONE);

        assertThat(traces.data).containsExactly(TestData.traces(3));
        assertThat(metrics.data).containsExactly(TestData.metrics());
        assertThat(logs.data).containsExactly(TestData.logs());
        RequestContext context = traces.contexts.get(0);
        assertThat(context.transport()).contains("grpc");
        assertThat(context.peerAddress()).hasValueSatisfying(peer -> assertThat(peer).startsWith("127.0.0.1:"));
        assertThat(context.metadata()).as("include_metadata is off").isEmpty();
    }

    @Test
    void partialSuccessReachesTheClient() {
        Recorder<Traces> traces = new Recorder<>();
        traces.answer = new PartialSuccess(2, "2 spans had no name");
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));

        assertThat(export(channel(clientSettings(server)), TestData.traces(5)))
                .isEqualTo(new PartialSuccess(2, "2 spans had no name"));
    }

    @Test
    void unregisteredSignalIsUnimplemented() {
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(new Recorder<>()));

        assertThatThrownBy(() -> export(channel(clientSettings(server)), TestData.logs()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
    }

    @Test
    void malformedRequestFailsWithTheDecoderMessage() {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));
        byte[] truncated = {0x0A, 0x05, 0x01};

        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel(clientSettings(server)),
                rawMethod(OtlpGrpc.TRACE_SERVICE), CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                truncated))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    // upstream: grpc-go's codec error, INTERNAL (not retryable, as INVALID_ARGUMENT would be)
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription())
                            .isEqualTo("grpc: failed to unmarshal the received message: " + decoderMessage(truncated));
                });
        assertThat(traces.data).isEmpty();
    }

    @Test
    void retryableRefusalIsUnavailable() {
        Recorder<Traces> traces = new Recorder<>();
        traces.failure = new RetryableException("data refused due to high memory usage");
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));

        StatusRuntimeException e = exportFailure(channel(clientSettings(server)), TestData.traces(1));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo("data refused due to high memory usage");
        ConsumerException classified = GrpcErrors.toConsumerException(e);
        assertThat(classified).isInstanceOf(RetryableException.class);
        assertThat(((RetryableException) classified).retryAfter()).isEmpty();
        assertThat(classified.getMessage())
                .isEqualTo("rpc error: code = Unavailable desc = data refused due to high memory usage");
    }

    @Test
    void throttledRefusalCarriesRetryInfo() {
        Recorder<Traces> traces = new Recorder<>();
        traces.failure = new RetryableException("slow down", null, Duration.ofMillis(1500));
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));

        StatusRuntimeException e = exportFailure(channel(clientSettings(server)), TestData.traces(1));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(GrpcErrors.retryDelay(e.getTrailers())).contains(Duration.ofMillis(1500));
        ConsumerException classified = GrpcErrors.toConsumerException(e);
        assertThat(((RetryableException) classified).retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void permanentRefusalIsInternal() {
        Recorder<Traces> traces = new Recorder<>();
        traces.failure = new PermanentException("bad data");
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));

        StatusRuntimeException e = exportFailure(channel(clientSettings(server)), TestData.traces(1));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(e.getStatus().getDescription()).isEqualTo("Permanent error: bad data");
        assertThat(GrpcErrors.toConsumerException(e)).isInstanceOf(PermanentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "snappy"})
    void compressedRequestsArriveAndResponsesComeBackTheSameWay(String compression) {
        Recorder<Traces> traces = new Recorder<>();
        List<String> encodings = new CopyOnWriteArrayList<>();
        GrpcServer server = start(serverSettings(),
                ServerInterceptors.intercept(OtlpGrpc.traceService(traces), requestEncodings(encodings)));
        traces.answer = new PartialSuccess(1, "one dropped");

        PartialSuccess response = export(channel(clientSettings(server).withCompression(compression)),
                TestData.traces(200, 100));

        assertThat(encodings).containsExactly(compression);
        assertThat(traces.data).containsExactly(TestData.traces(200, 100));
        assertThat(response).isEqualTo(new PartialSuccess(1, "one dropped"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void receivedBytesNobodyReadAreSentAsReceived(String compression) throws Exception {
        io.otelier.pdata.internal.KeepPolicy.resetAll(); // other tests in this JVM may have read decoded data
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(traces));
        // lengths one varint byte longer than needed: a re-encode would write the shortest form
        byte[] received = ProtoBytes.padTopLevelLengths(OtlpProto.encode(TestData.traces(50)));

        export(channel(clientSettings(server).withCompression(compression)), OtlpProto.decodeTraces(received));

        java.io.ByteArrayOutputStream onTheWire = new java.io.ByteArrayOutputStream();
        OtlpProto.receivedBytes(traces.data.get(0)).writeTo(onTheWire);
        assertThat(onTheWire.toByteArray()).isEqualTo(received);
        assertThat(traces.data.get(0)).isEqualTo(TestData.traces(50));
    }

    @Test
    void uncompressedWhenCompressionIsNone() {
        List<String> encodings = new CopyOnWriteArrayList<>();
        GrpcServer server = start(serverSettings(),
                ServerInterceptors.intercept(OtlpGrpc.traceService(new Recorder<>()), requestEncodings(encodings)));

        export(channel(clientSettings(server).withCompression("none")), TestData.traces(1));

        assertThat(encodings).containsExactly("identity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void messagesOverTheLimitAreResourceExhausted(String compression) {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(serverSettings().withMaxRecvMsgSizeMib(1), OtlpGrpc.traceService(traces));
        ManagedChannel channel = channel(clientSettings(server).withCompression(compression));
        Traces big = TestData.traces(1200, 1000);
        assertThat(OtlpProto.encodedSize(big)).isGreaterThan(1024 * 1024);

        StatusRuntimeException e = exportFailure(channel, big);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(e.getStatus().getDescription()).contains("exceeds maximum size 1048576");
        assertThat(traces.data).isEmpty();
        // just under the limit passes
        assertThat(export(channel, TestData.traces(900, 1000))).isEqualTo(PartialSuccess.NONE);
    }

    @Test
    void corruptCompressedDataIsInternal() {
        GrpcServer server = start(serverSettings(), OtlpGrpc.traceService(new Recorder<>()));
        // a client whose "zstd" sends the bytes as they are: the frame says compressed, the payload is not
        CompressorRegistry lying = CompressorRegistry.newEmptyInstance();
        lying.register(new PassThrough("zstd"));
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .compressorRegistry(lying).build();
        channels.add(channel);

        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, rawMethod(OtlpGrpc.TRACE_SERVICE),
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS).withCompression("zstd"),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription())
                            .startsWith("grpc: failed to decompress the received message: ");
                });
    }

    @Test
    void metadataReachesTheRequestContextWhenIncluded() {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(serverSettings().withIncludeMetadata(true), OtlpGrpc.traceService(traces));
        GrpcClientSettings client = clientSettings(server).withHeaders(Map.of("x-tenant", "acme", "x-static", "1"))
                .withUserAgent("otelier-test/1.0");

        OtlpGrpcClient.export(channel(client), TestData.traces(1), DEADLINE, Map.of("x-tenant", "beta"));

        RequestContext context = traces.contexts.get(0);
        assertThat(context.metadata("X-Tenant")).as("the call's header wins").containsExactly("beta");
        assertThat(context.metadata("x-static")).containsExactly("1");
        assertThat(context.metadata("user-agent")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("otelier-test/1.0");
        assertThat(context.metadata(":authority")).containsExactly("127.0.0.1:" + server.port());
        assertThat(context.metadata("host")).containsExactly("127.0.0.1:" + server.port());
        assertThat(context.metadata()).doesNotContainKeys("content-type", "grpc-timeout", "te", "grpc-encoding");
        assertThat(context.transport()).contains("grpc");
    }

    @Test
    void tlsWithTheServerCertificateAsCa() {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(tlsServer(), OtlpGrpc.traceService(traces));

        export(channel(localhost(server).withTls(TlsClientSettings.defaults().withCaFile(serverCert.cert().toString()))),
                TestData.traces(2));

        assertThat(traces.data).containsExactly(TestData.traces(2));
    }

    @Test
    void tlsWithInsecureSkipVerify() {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(tlsServer(), OtlpGrpc.traceService(traces));

        export(channel(localhost(server).withTls(TlsClientSettings.defaults().withInsecureSkipVerify(true))),
                TestData.traces(1));

        assertThat(traces.data).hasSize(1);
    }

    @Test
    void tlsRefusesAnUntrustedServer() {
        GrpcServer server = start(tlsServer(), OtlpGrpc.traceService(new Recorder<>()));

        StatusRuntimeException e = exportFailure(channel(localhost(server).withTls(TlsClientSettings.defaults())),
                TestData.traces(1));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void plaintextClientCannotTalkToATlsServer() {
        GrpcServer server = start(tlsServer(), OtlpGrpc.traceService(new Recorder<>()));

        assertThat(exportFailure(channel(localhost(server)), TestData.traces(1)).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void mutualTlsRequiresTheClientCertificate() {
        Recorder<Traces> traces = new Recorder<>();
        GrpcServer server = start(serverSettings().withEndpoint("localhost:0").withTls(
                TlsServerSettings.withFiles(serverCert.cert().toString(), serverCert.key().toString())
                        .withClientCaFile(clientCert.cert().toString())), OtlpGrpc.traceService(traces));
        TlsClientSettings trusting = TlsClientSettings.defaults().withCaFile(serverCert.cert().toString());

        StatusRuntimeException refused = exportFailure(channel(localhost(server).withTls(trusting)), TestData.traces(1));
        export(channel(localhost(server).withTls(
                trusting.withCertificate(clientCert.cert().toString(), clientCert.key().toString()))), TestData.traces(1));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(traces.data).hasSize(1);
    }

    @Test
    void unresolvableEndpointDoesNotFailChannelCreation() {
        ManagedChannel channel = channel(GrpcClientSettings.defaults().withEndpoint("no-such-host.invalid:4317")
                .withTls(TlsClientSettings.plaintext()));

        StatusRuntimeException e = exportFailure(channel, TestData.traces(1), Duration.ofSeconds(3));

        assertThat(e.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
        assertThat(GrpcErrors.toConsumerException(e)).isInstanceOf(RetryableException.class);
    }

    @Test
    void downServerIsRetryable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ManagedChannel channel = channel(GrpcClientSettings.defaults().withEndpoint("127.0.0.1:" + port)
                .withTls(TlsClientSettings.plaintext()));

        StatusRuntimeException e = exportFailure(channel, TestData.traces(1));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void bindConflictNamesTheEndpoint() {
        GrpcServer first = start(serverSettings(), OtlpGrpc.traceService(new Recorder<>()));
        String endpoint = "127.0.0.1:" + first.port();

        assertThatThrownBy(() -> GrpcServers.start(serverSettings().withEndpoint(endpoint)))
                .isInstanceOf(IOException.class)
                .hasMessage("listen tcp " + endpoint + ": bind: address already in use");
    }

    @Test
    void endpointWithoutPortFailsAtStart() {
        assertThatThrownBy(() -> GrpcServers.start(serverSettings().withEndpoint("localhost")))
                .isInstanceOf(IOException.class)
                .hasMessage("listen tcp: address localhost: missing port in address");
    }

    // ---- helpers

    private GrpcServer start(GrpcServerSettings settings, ServerServiceDefinition... services) {
        try {
            GrpcServer server = GrpcServers.start(settings, services);
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ManagedChannel channel(GrpcClientSettings settings) {
        ManagedChannel channel = GrpcChannels.create(settings);
        channels.add(channel);
        return channel;
    }

    static GrpcServerSettings serverSettings() {
        return GrpcServerSettings.defaults("127.0.0.1:0");
    }

    private static GrpcServerSettings tlsServer() {
        return serverSettings().withEndpoint("localhost:0")
                .withTls(TlsServerSettings.withFiles(serverCert.cert().toString(), serverCert.key().toString()));
    }

    static GrpcClientSettings clientSettings(GrpcServer server) {
        return GrpcClientSettings.defaults().withEndpoint("127.0.0.1:" + server.port())
                .withTls(TlsClientSettings.plaintext());
    }

    private static GrpcClientSettings localhost(GrpcServer server) {
        return GrpcClientSettings.defaults().withEndpoint("localhost:" + server.port())
                .withTls(TlsClientSettings.plaintext());
    }

    private static PartialSuccess export(ManagedChannel channel, Telemetry data) {
        return OtlpGrpcClient.export(channel, data, DEADLINE, Map.of());
    }

    private static StatusRuntimeException exportFailure(ManagedChannel channel, Telemetry data) {
        return exportFailure(channel, data, DEADLINE);
    }

    private static StatusRuntimeException exportFailure(ManagedChannel channel, Telemetry data, Duration deadline) {
        try {
            PartialSuccess unexpected = OtlpGrpcClient.export(channel, data, deadline, Map.of());
            throw new AssertionError("expected the call to fail, got " + unexpected);
        } catch (StatusRuntimeException e) {
            return e;
        }
    }

    private static String decoderMessage(byte[] bytes) {
        try {
            OtlpProto.decodeTraces(bytes);
            throw new AssertionError("expected a decode error");
        } catch (OtlpDecodeException e) {
            return e.getMessage();
        }
    }

    /** The service's Export method sending bytes as they are, to deliver what no encoder would write. */
    private static MethodDescriptor<byte[], byte[]> rawMethod(String service) {
        MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                try (stream) {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, OtlpGrpc.EXPORT))
                .setRequestMarshaller(raw).setResponseMarshaller(raw).build();
    }

    private static ServerInterceptor requestEncodings(List<String> into) {
        Metadata.Key<String> encoding = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String value = headers.get(encoding);
                into.add(value == null ? "identity" : value);
                return next.startCall(call, headers);
            }
        };
    }

    /** Claims an encoding but leaves the bytes alone. */
    private record PassThrough(String getMessageEncoding) implements Compressor {
        @Override
        public OutputStream compress(OutputStream os) {
            return new FilterOutputStream(os) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
    }

    /** A handler that records what it gets and answers as told. */
    static final class Recorder<T extends Telemetry> implements OtlpGrpcHandler<T> {
        final List<T> data = new CopyOnWriteArrayList<>();
        final List<RequestContext> contexts = new CopyOnWriteArrayList<>();
        volatile ConsumerException failure;
        volatile PartialSuccess answer;

        @Override
        public PartialSuccess export(RequestContext context, T received) throws ConsumerException {
            if (failure != null) {
                throw failure;
            }
            data.add(received);
            contexts.add(context);
            return answer;
        }
    }
}
