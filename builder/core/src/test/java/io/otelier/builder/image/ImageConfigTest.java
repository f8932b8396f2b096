package io.otelier.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.image.ImageConfig.ExposedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("otelier.root", "../.."));

    private static final String PIPELINE = """
            service:
              extensions: [health_check]
              pipelines:
                traces:
                  receivers: [%s]
                  exporters: [debug]
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("loopback names and addresses",
                        "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: localhost:4317\n"
                                + "      http:\n        endpoint: 127.0.0.1:4318\n" + PIPELINE.formatted("otlp"),
                        "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
                                + "      http:\n        endpoint: 0.0.0.0:4318\n" + PIPELINE.formatted("otlp"),
                        List.of("4317/tcp", "4318/tcp")),
                Arguments.of("quoted and IPv6 loopback",
                        "receivers:\n  a:\n    endpoint: \"localhost:1\"\n  b:\n    endpoint: '[::1]:2'\n"
                                + PIPELINE.formatted("a, b"),
                        "receivers:\n  a:\n    endpoint: \"0.0.0.0:1\"\n  b:\n    endpoint: '0.0.0.0:2'\n"
                                + PIPELINE.formatted("a, b"),
                        List.of("1/tcp", "2/tcp")),
                Arguments.of("all interfaces, a variable host, no host: exposed, not changed",
                        "receivers:\n  a:\n    endpoint: 0.0.0.0:1\n  b:\n    endpoint: ${env:POD_IP}:2\n"
                                + "  c:\n    endpoint: :3\n" + PIPELINE.formatted("a, b, c"),
                        null, List.of("1/tcp", "2/tcp", "3/tcp")),
                Arguments.of("a receiver no pipeline uses is not started",
                        "receivers:\n  a:\n    endpoint: localhost:1\n  b:\n    endpoint: localhost:2\n"
                                + PIPELINE.formatted("b"),
                        "receivers:\n  a:\n    endpoint: localhost:1\n  b:\n    endpoint: 0.0.0.0:2\n"
                                + PIPELINE.formatted("b"),
                        List.of("2/tcp")),
                Arguments.of("URLs and socket paths are a client's targets",
                        "receivers:\n  a:\n    endpoint: http://localhost:9200\n  b:\n"
                                + "    endpoint: unix:///var/run/docker.sock\n" + PIPELINE.formatted("a, b"),
                        null, List.of()),
                Arguments.of("UDP by transport or by section",
                        "receivers:\n  statsd:\n    endpoint: localhost:8125\n    transport: udp\n  syslog:\n"
                                + "    udp:\n      listen_address: 127.0.0.1:54526\n" + PIPELINE.formatted("statsd, syslog"),
                        "receivers:\n  statsd:\n    endpoint: 0.0.0.0:8125\n    transport: udp\n  syslog:\n"
                                + "    udp:\n      listen_address: 0.0.0.0:54526\n" + PIPELINE.formatted("statsd, syslog"),
                        List.of("8125/udp", "54526/udp")),
                Arguments.of("extensions the service starts",
                        "extensions:\n  health_check:\n    endpoint: localhost:13133\n  zpages:\n"
                                + "    endpoint: localhost:55679\nreceivers:\n  nop:\n" + PIPELINE.formatted("nop"),
                        "extensions:\n  health_check:\n    endpoint: 0.0.0.0:13133\n  zpages:\n"
                                + "    endpoint: localhost:55679\nreceivers:\n  nop:\n" + PIPELINE.formatted("nop"),
                        List.of("13133/tcp")),
                Arguments.of("an anchored endpoint is edited where it is written",
                        "receivers:\n  a:\n    endpoint: &e localhost:1\n  b:\n    endpoint: *e\n"
                                + PIPELINE.formatted("a, b"),
                        "receivers:\n  a:\n    endpoint: &e 0.0.0.0:1\n  b:\n    endpoint: *e\n"
                                + PIPELINE.formatted("a, b"),
                        List.of("1/tcp")),
                Arguments.of("text after characters outside the BMP",
                        "# 🚀 collector\nreceivers:\n  a:\n    endpoint: localhost:1 # 🔭\n" + PIPELINE.formatted("a"),
                        "# 🚀 collector\nreceivers:\n  a:\n    endpoint: 0.0.0.0:1 # 🔭\n" + PIPELINE.formatted("a"),
                        List.of("1/tcp")),
                Arguments.of("telemetry without metrics exposes nothing",
                        "receivers:\n  nop:\n" + PIPELINE.formatted("nop") + "  telemetry:\n    metrics:\n"
                                + "      level: none\n      address: localhost:8888\n",
                        null, List.of()),
                Arguments.of("telemetry's older address form",
                        "receivers:\n  nop:\n" + PIPELINE.formatted("nop") + "  telemetry:\n    metrics:\n"
                                + "      address: localhost:8888\n",
                        "receivers:\n  nop:\n" + PIPELINE.formatted("nop") + "  telemetry:\n    metrics:\n"
                                + "      address: 0.0.0.0:8888\n",
                        List.of("8888/tcp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bindsServersToAllInterfacesAndExposesTheirPorts(String name, String config, String expected,
            List<String> ports) throws Exception {
        ImageConfig image = ImageConfig.of(config);
        assertThat(image.text()).isEqualTo(expected == null ? config : expected);
        assertThat(image.ports()).extracting(ExposedPort::toString).containsExactlyElementsOf(ports);
        assertThat(image.rewrites().isEmpty()).isEqualTo(expected == null);
    }

    /** The core distribution's own config, comments and all. */
    @Test
    void theCoreDistributionsConfig() throws Exception {
        String shipped = Files.readString(ROOT.resolve("distributions/core/config.yaml"));
        ImageConfig image = ImageConfig.of(shipped);
        assertThat(image.ports()).extracting(ExposedPort::toString).contains("4317/tcp", "4318/tcp", "8888/tcp");
        assertThat(image.rewrites()).extracting(Object::toString).contains(
                "receivers::otlp::protocols::grpc::endpoint: localhost:4317 -> 0.0.0.0:4317",
                "receivers::otlp::protocols::http::endpoint: localhost:4318 -> 0.0.0.0:4318",
                "service::telemetry::metrics::readers::0::pull::exporter::prometheus::host: 127.0.0.1 -> 0.0.0.0");
        // only those three lines change; comments and layout stay
        List<String> before = shipped.lines().toList();
        List<String> after = image.text().lines().toList();
        assertThat(after).hasSameSizeAs(before);
        assertThat(IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i)))
                .mapToObj(i -> after.get(i).strip())).containsExactly("endpoint: 0.0.0.0:4317", "endpoint: 0.0.0.0:4318",
                        "host: 0.0.0.0");
    }
}
