package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code network} scraper (upstream internal/scraper/networkscraper, Linux): interface counters from
 * /proc/net/dev, TCP connections by state from /proc/net/tcp and tcp6 (deduplicated on addresses and state, as
 * gopsutil does), and the conntrack table from /proc/sys/net/netfilter.
 */
final class NetworkScraper implements Scraper {

    static final String CONNECTIONS = "system.network.connections";
    static final String CONNTRACK_COUNT = "system.network.conntrack.count";
    static final String CONNTRACK_MAX = "system.network.conntrack.max";
    static final String DROPPED = "system.network.dropped";
    static final String ERRORS = "system.network.errors";
    static final String IO = "system.network.io";
    static final String PACKETS = "system.network.packets";

    private static final List<String> DEVICE_DIRECTION = List.of("device", "direction");

    /** gopsutil's names for the kernel's TCP state codes, in upstream's order of explicit zeros. */
    static final Map<String, String> TCP_STATES = new LinkedHashMap<>();

    static {
        TCP_STATES.put("08", "CLOSE_WAIT");
        TCP_STATES.put("07", "CLOSE");
        TCP_STATES.put("0B", "CLOSING");
        TCP_STATES.put("01", "ESTABLISHED");
        TCP_STATES.put("04", "FIN_WAIT1");
        TCP_STATES.put("05", "FIN_WAIT2");
        TCP_STATES.put("09", "LAST_ACK");
        TCP_STATES.put("0A", "LISTEN");
        TCP_STATES.put("02", "SYN_SENT");
        TCP_STATES.put("03", "SYN_RECV");
        TCP_STATES.put("06", "TIME_WAIT");
    }

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(CONNECTIONS, "The number of connections.", "{connections}", true, false)
                    .attributes(List.of("protocol", "state"), List.of("protocol", "state")).enabled(),
            MetricSpec.sum(CONNTRACK_COUNT, "The count of entries in conntrack table.", "{entries}", true, false),
            MetricSpec.sum(CONNTRACK_MAX, "The limit for entries in the conntrack table.", "{entries}", true, false),
            counter(DROPPED, "The number of packets dropped.", "{packets}"),
            counter(ERRORS, "The number of errors encountered.", "{errors}"),
            counter(IO, "The number of bytes transmitted and received.", "By"),
            counter(PACKETS, "The number of packets transferred.", "{packets}")));

    private static MetricSpec counter(String name, String description, String unit) {
        return MetricSpec.sum(name, description, unit, true, true).attributes(DEVICE_DIRECTION, DEVICE_DIRECTION)
                .enabled();
    }

    private final ProcFs proc;
    private final Predicate<String> interfaces;
    private long startTime;

    NetworkScraper(ProcFs proc, Predicate<String> interfaces) {
        this.proc = proc;
        this.interfaces = interfaces;
    }

    @Override
    public String type() {
        return "network";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        IOException failure = null;
        try {
            recordInterfaces(b, now);
        } catch (IOException e) {
            failure = chain(failure, "failed to read network IO stats", e);
        }
        if (b.enabled(CONNECTIONS)) {
            try {
                recordConnections(b, now);
            } catch (IOException e) {
                failure = chain(failure, "failed to read TCP connections", e);
            }
        }
        if (b.enabled(CONNTRACK_COUNT) || b.enabled(CONNTRACK_MAX)) {
            try {
                long count = proc.readLong("sys/net/netfilter/nf_conntrack_count");
                long max = proc.readLong("sys/net/netfilter/nf_conntrack_max");
                b.record(CONNTRACK_COUNT, startTime, now, count);
                b.record(CONNTRACK_MAX, startTime, now, max);
            } catch (IOException e) {
                failure = chain(failure, "failed to read conntrack info", e);
            }
        }
        if (failure != null) {
            throw new PartialScrapeException(failure.getMessage(), failure);
        }
    }

    private static IOException chain(IOException previous, String what, IOException cause) {
        IOException e = new IOException(what + ": " + cause.getMessage(), cause);
        if (previous != null) {
            e.addSuppressed(previous);
        }
        return e;
    }

    /** /proc/net/dev: "iface: rx bytes packets errs drop fifo frame compressed multicast, tx bytes packets …". */
    private void recordInterfaces(MetricsBuilder b, long now) throws IOException {
        List<long[]> counters = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(proc.path("net/dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 16 || !interfaces.test(name)) {
                continue;
            }
            long[] c = new long[16];
            for (int i = 0; i < 16; i++) {
                c[i] = Long.parseLong(f[i]);
            }
            names.add(name);
            counters.add(c);
        }
        // upstream records metric by metric, each interface's transmit before its receive
        record(b, PACKETS, now, names, counters, 9, 1);
        record(b, DROPPED, now, names, counters, 11, 3);
        record(b, ERRORS, now, names, counters, 10, 2);
        record(b, IO, now, names, counters, 8, 0);
    }

    private void record(MetricsBuilder b, String metric, long now, List<String> names, List<long[]> counters,
            int transmit, int receive) {
        for (int i = 0; i < names.size(); i++) {
            b.record(metric, startTime, now, counters.get(i)[transmit], names.get(i), "transmit");
            b.record(metric, startTime, now, counters.get(i)[receive], names.get(i), "receive");
        }
    }

    private void recordConnections(MetricsBuilder b, long now) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        TCP_STATES.values().forEach(state -> counts.put(state, 0L));
        Set<String> seen = new HashSet<>();
        for (String file : List.of("net/tcp", "net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(proc.path(file));
            } catch (NoSuchFileException e) {
                if (file.equals("net/tcp6")) {
                    continue; // a kernel without IPv6
                }
                throw e;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                String local = address(f[1]);
                String remote = address(f[2]);
                if (local == null || remote == null) {
                    continue;
                }
                String state = TCP_STATES.getOrDefault(f[3], "");
                if (seen.add(local + "-" + remote + "-" + state)) {
                    counts.merge(state, 1L, Long::sum);
                }
            }
        }
        counts.forEach((state, count) -> b.record(CONNECTIONS, startTime, now, count, "tcp", state));
    }

    /** "0100007F:0035" (address words in host byte order) as a normalised "ip:port", or null if malformed. */
    static String address(String hex) {
        int colon = hex.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            byte[] raw = HexFormat.of().parseHex(hex.substring(0, colon));
            if (raw.length != 4 && raw.length != 16) {
                return null;
            }
            if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
                for (int word = 0; word < raw.length; word += 4) {
                    byte t0 = raw[word];
                    byte t1 = raw[word + 1];
                    raw[word] = raw[word + 3];
                    raw[word + 1] = raw[word + 2];
                    raw[word + 2] = t1;
                    raw[word + 3] = t0;
                }
            }
            // an IPv4-mapped IPv6 address becomes the IPv4 address, as Go prints it
            int port = Integer.parseInt(hex.substring(colon + 1), 16);
            return InetAddress.getByAddress(raw).getHostAddress() + ":" + port;
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return null;
        }
    }
}
