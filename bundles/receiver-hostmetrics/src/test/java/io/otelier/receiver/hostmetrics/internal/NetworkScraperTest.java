package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.on;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network scraper against this host's /proc/net and a fixed fake root. */
class NetworkScraperTest {

    @TempDir
    Path root;

    @Test
    void interfaceCountersMatchProcNetDev() throws Exception {
        NetworkScraper scraper = new NetworkScraper(new ProcFs(""), NetworkSettings.defaults().interfaceFilter());
        scraper.start();
        Map<String, long[]> before = netDev();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(NetworkScraper.CATALOG, Map.of()));
        Map<String, long[]> after = netDev();

        assertThat(names(scope)).containsExactly("system.network.connections", "system.network.dropped",
                "system.network.errors", "system.network.io", "system.network.packets");
        Metric io = metric(scope, "system.network.io");
        assertThat(io.unit()).isEqualTo("By");
        assertThat(io.sum().isMonotonic()).isTrue();
        assertThat(points(io).stream().map(p -> attributes(p).get("device")).collect(Collectors.toSet()))
                .isEqualTo(before.keySet());
        assertThat(point(io, "device", "lo", "direction", "receive").intValue())
                .isBetween(before.get("lo")[0], after.get("lo")[0]);
        assertThat(point(io, "device", "lo", "direction", "transmit").intValue())
                .isBetween(before.get("lo")[8], after.get("lo")[8]);
        assertThat(point(metric(scope, "system.network.packets"), "device", "lo", "direction", "receive").intValue())
                .isBetween(before.get("lo")[1], after.get("lo")[1]);
        assertThat(metric(scope, "system.network.packets").unit()).isEqualTo("{packets}");
        assertThat(metric(scope, "system.network.errors").unit()).isEqualTo("{errors}");
    }

    @Test
    void tcpConnectionsOfThisHostAreCountedByState() throws Exception {
        NetworkScraper scraper = new NetworkScraper(new ProcFs(""), name -> true);
        scraper.start();
        Metric connections;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            connections = metric(Scrapes.scrapeOnce(scraper, new MetricsBuilder(NetworkScraper.CATALOG, Map.of())),
                    "system.network.connections");
        }

        assertThat(connections.unit()).isEqualTo("{connections}");
        assertThat(connections.sum().isMonotonic()).isFalse();
        assertThat(points(connections)).extracting(p -> attributes(p).get("state")).startsWith("CLOSE_WAIT", "CLOSE",
                "CLOSING", "ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "LAST_ACK", "LISTEN", "SYN_SENT", "SYN_RECV",
                "TIME_WAIT");
        assertThat(points(connections)).allSatisfy(p -> assertThat(attributes(p)).containsEntry("protocol", "tcp"));
        assertThat(point(connections, "protocol", "tcp", "state", "LISTEN").intValue()).isPositive();
        assertThat(point(connections, "protocol", "tcp", "state", "ESTABLISHED").intValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everythingFromAFakeRootWithFilters() throws Exception {
        Files.createDirectories(root.resolve("proc/net"));
        Files.createDirectories(root.resolve("proc/sys/net/netfilter"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/net/dev"), """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 100 10 0 0 0 0 0 0 100 10 0 0 0 0 0 0
                  eth0: 5000 50 1 2 0 0 0 7 6000 60 3 4 0 0 0 0
                docker0: 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9
                """);
        Files.writeString(root.resolve("proc/net/tcp"), """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
                   1: 0100007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0
                   2: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0
                   3: 0100007F:9C41 0100007F:1F90 06 00000000:00000000 00:00000000 00000000     0        0 0 1 0 100 0 0 10 0
                """);
        Files.writeString(root.resolve("proc/net/tcp6"), """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0000000000000000FFFF00000100007F:9C40 0000000000000000FFFF00000100007F:1F90 01 00000000:00000000 00:00000000 00000000 0 0 4 1 0 100 0 0 10 0
                   1: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 5 1 0 100 0 0 10 0
                """);
        Files.writeString(root.resolve("proc/sys/net/netfilter/nf_conntrack_count"), "12\n");
        Files.writeString(root.resolve("proc/sys/net/netfilter/nf_conntrack_max"), "262144\n");
        NetworkSettings settings = new NetworkSettings(new InterfaceFilter(List.of("^eth", "dock"), "regexp"),
                new InterfaceFilter(List.of("docker0"), "strict"), Map.of());
        NetworkScraper scraper = new NetworkScraper(new ProcFs(root.toString()), settings.interfaceFilter());
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(NetworkScraper.CATALOG,
                Map.of("system.network.conntrack.count", on(), "system.network.conntrack.max", on())));

        Metric io = metric(scope, "system.network.io");
        assertThat(points(io)).extracting(p -> attributes(p).get("device") + "/" + attributes(p).get("direction"))
                .containsExactly("eth0/transmit", "eth0/receive");
        assertThat(point(io, "device", "eth0", "direction", "transmit").intValue()).isEqualTo(6000);
        assertThat(point(io, "device", "eth0", "direction", "receive").intValue()).isEqualTo(5000);
        assertThat(point(metric(scope, "system.network.packets"), "device", "eth0", "direction", "transmit").intValue())
                .isEqualTo(60);
        assertThat(point(metric(scope, "system.network.errors"), "device", "eth0", "direction", "receive").intValue())
                .isEqualTo(1);
        assertThat(point(metric(scope, "system.network.dropped"), "device", "eth0", "direction", "transmit").intValue())
                .isEqualTo(4);

        Map<String, Long> byState = points(metric(scope, "system.network.connections")).stream()
                .collect(Collectors.toMap(p -> attributes(p).get("state"), p -> p.intValue()));
        // two listeners on one address (SO_REUSEPORT) are one entry; the IPv4-mapped socket equals its IPv4 twin
        assertThat(byState).containsEntry("LISTEN", 2L).containsEntry("ESTABLISHED", 1L).containsEntry("TIME_WAIT", 1L)
                .containsEntry("CLOSE_WAIT", 0L).hasSize(11);
        assertThat(points(metric(scope, "system.network.conntrack.count")).get(0).intValue()).isEqualTo(12);
        assertThat(points(metric(scope, "system.network.conntrack.max")).get(0).intValue()).isEqualTo(262144);
    }

    @Test
    void addressesDecodeFromKernelHex() {
        assertThat(NetworkScraper.address("0100007F:0035")).isEqualTo("127.0.0.1:53");
        assertThat(NetworkScraper.address("0000000000000000FFFF00000100007F:1F90")).isEqualTo("127.0.0.1:8080");
        assertThat(NetworkScraper.address("00000000000000000000000001000000:0016")).isEqualTo("0:0:0:0:0:0:0:1:22");
        assertThat(NetworkScraper.address("zz:1")).isNull();
    }

    @Test
    void filtersAreCheckedAsUpstreamCreatesThem() {
        assertThatThrownBy(() -> new NetworkSettings(new InterfaceFilter(List.of("eth0"), null), null, null)
                .validateOptions()).isInstanceOf(ConfigException.class).hasMessage("include::match_type: error "
                        + "creating network interface include filters: unrecognized match_type: '', valid types are: "
                        + "[regexp strict]");
        assertThatThrownBy(() -> new NetworkSettings(null, new InterfaceFilter(List.of("(eth"), "regexp"), null)
                .validateOptions()).hasMessageStartingWith("exclude::interfaces: error creating network interface "
                        + "exclude filters: error parsing regexp");
        assertThat(new NetworkSettings(null, new InterfaceFilter(List.of("lo"), "strict"), null).interfaceFilter())
                .accepts("eth0", "lo0").rejects("lo");
    }

    private static Map<String, long[]> netDev() throws Exception {
        return Files.readAllLines(Path.of("/proc/net/dev")).stream().filter(l -> l.contains(":"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')).trim(), l -> {
                    String[] f = l.substring(l.indexOf(':') + 1).trim().split("\\s+");
                    long[] c = new long[16];
                    for (int i = 0; i < 16; i++) {
                        c[i] = Long.parseLong(f[i]);
                    }
                    return c;
                }));
    }
}
