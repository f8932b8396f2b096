package io.otelier.builder.image;

import io.otelier.builder.BuildException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A distribution's default config as its image ships it. Inside a container, {@code localhost} is the container
 * itself, so a server bound there is unreachable from outside: as upstream's images do, the servers' loopback
 * hosts become {@code 0.0.0.0} (the components' own defaults stay {@code localhost}). The servers are the
 * {@code endpoint}/{@code listen_address} values of the receivers that pipelines use and of the extensions the
 * service starts, and the pull reader of the internal telemetry; their ports are what the image exposes. Values
 * that are URLs ({@code http://…}, a client's target) are left alone. The text is edited in place, so comments and
 * layout survive.
 */
public final class ImageConfig {

    public static final String ANY_HOST = "0.0.0.0";
    private static final Set<String> LISTEN_KEYS = Set.of("endpoint", "listen_address");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** A port the image exposes. */
    public record ExposedPort(int port, String protocol) implements Comparable<ExposedPort> {
        @Override
        public int compareTo(ExposedPort o) {
            return Comparator.comparingInt(ExposedPort::port).thenComparing(ExposedPort::protocol).compare(this, o);
        }

        @Override
        public String toString() {
            return port + "/" + protocol;
        }
    }

    /** One edit: the key path, the value before and after. */
    public record Rewrite(String path, String before, String after) {
        @Override
        public String toString() {
            return path + ": " + before + " -> " + after;
        }
    }

    private final String text;
    private final Set<ExposedPort> ports;
    private final List<Rewrite> rewrites;

    private ImageConfig(String text, Set<ExposedPort> ports, List<Rewrite> rewrites) {
        this.text = text;
        this.ports = Collections.unmodifiableSet(new TreeSet<>(ports));
        this.rewrites = List.copyOf(rewrites);
    }

    /** The config text for the image. */
    public String text() {
        return text;
    }

    /** The ports of the servers the config starts, in order. */
    public Set<ExposedPort> ports() {
        return ports;
    }

    /** What was changed, in text order. */
    public List<Rewrite> rewrites() {
        return rewrites;
    }

    public static ImageConfig of(String yaml) throws BuildException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            throw new BuildException("the distribution's config is not valid YAML: " + e.getMessage(), e);
        }
        Scan scan = new Scan();
        if (root instanceof MappingNode top) {
            Node service = get(top, "service");
            Set<String> receivers = names(service, "pipelines", "receivers");
            Set<String> extensions = service instanceof MappingNode s ? scalars(get(s, "extensions")) : Set.of();
            scan.components(get(top, "receivers"), "receivers", receivers);
            scan.components(get(top, "extensions"), "extensions", extensions);
            scan.telemetry(service);
        }
        return new ImageConfig(scan.apply(yaml), scan.ports, scan.rewrites());
    }

    /** The ids that the pipelines list under {@code kind} ({@code receivers}). */
    private static Set<String> names(Node service, String pipelinesKey, String kind) {
        Set<String> out = new LinkedHashSet<>();
        if (service instanceof MappingNode s && get(s, pipelinesKey) instanceof MappingNode pipelines) {
            for (NodeTuple p : pipelines.getValue()) {
                if (p.getValueNode() instanceof MappingNode pipeline) {
                    out.addAll(scalars(get(pipeline, kind)));
                }
            }
        }
        return out;
    }

    private static Set<String> scalars(Node node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) {
                    out.add(s.getValue());
                }
            }
        }
        return out;
    }

    private static Node get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
    }

    /** The walk over the config: ports found and scalars to edit (an aliased scalar is edited once). */
    private static final class Scan {
        final Set<ExposedPort> ports = new TreeSet<>();
        final Map<ScalarNode, Edit> edits = new IdentityHashMap<>();

        /** Replace {@code host} (as written in the scalar) with {@link #ANY_HOST}. */
        record Edit(Rewrite rewrite, String host) {
        }

        void components(Node section, String kind, Set<String> used) {
            if (!(section instanceof MappingNode m)) {
                return;
            }
            for (NodeTuple t : m.getValue()) {
                if (used.contains(key(t))) {
                    listeners(t.getValueNode(), kind + "::" + key(t), key(t), null);
                }
            }
        }

        /** Finds {@code endpoint}/{@code listen_address} scalars anywhere below {@code node}. */
        private void listeners(Node node, String path, String parentKey, MappingNode parent) {
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String k = key(t);
                    if (LISTEN_KEYS.contains(k) && t.getValueNode() instanceof ScalarNode value) {
                        endpoint(value, path + "::" + k, udp(m, parentKey));
                    } else {
                        listeners(t.getValueNode(), path + "::" + k, k, m);
                    }
                }
            } else if (node instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    listeners(seq.getValue().get(i), path + "::" + i, parentKey, parent);
                }
            }
        }

        /** A UDP server: a {@code transport: udp…} beside the endpoint, or a section named {@code udp}. */
        private static boolean udp(MappingNode holder, String holderKey) {
            return "udp".equals(holderKey) || get(holder, "transport") instanceof ScalarNode t
                    && t.getValue().startsWith("udp");
        }

        /** {@code host:port}, {@code :port} or {@code [v6]:port}; anything else (a URL, a socket path) is no server. */
        private void endpoint(ScalarNode value, String path, boolean udp) {
            String v = value.getValue().strip();
            int colon = v.lastIndexOf(':');
            if (v.contains("://") || colon < 0) {
                return;
            }
            String host = v.substring(0, colon);
            int port = port(v.substring(colon + 1));
            if (port < 0) {
                return;
            }
            ports.add(new ExposedPort(port, udp ? "udp" : "tcp"));
            if (LOOPBACK_HOSTS.contains(host)) {
                edits.putIfAbsent(value, new Edit(new Rewrite(path, v, ANY_HOST + ":" + port), host));
            }
        }

        /** {@code service::telemetry::metrics}: pull readers' host and port, or the older {@code address}. */
        void telemetry(Node service) {
            if (!(service instanceof MappingNode s && get(s, "telemetry") instanceof MappingNode telemetry
                    && get(telemetry, "metrics") instanceof MappingNode metrics)) {
                return;
            }
            String base = "service::telemetry::metrics";
            if (get(metrics, "level") instanceof ScalarNode level && level.getValue().equals("none")) {
                return;
            }
            if (get(metrics, "address") instanceof ScalarNode address) {
                endpoint(address, base + "::address", false);
            }
            if (!(get(metrics, "readers") instanceof SequenceNode readers)) {
                return;
            }
            for (int i = 0; i < readers.getValue().size(); i++) {
                if (readers.getValue().get(i) instanceof MappingNode reader
                        && get(reader, "pull") instanceof MappingNode pull
                        && get(pull, "exporter") instanceof MappingNode exporter
                        && get(exporter, "prometheus") instanceof MappingNode prometheus) {
                    String path = base + "::readers::" + i + "::pull::exporter::prometheus";
                    if (get(prometheus, "port") instanceof ScalarNode port && port(port.getValue()) >= 0) {
                        ports.add(new ExposedPort(port(port.getValue()), "tcp"));
                    }
                    if (get(prometheus, "host") instanceof ScalarNode host
                            && LOOPBACK_HOSTS.contains(host.getValue().strip())) {
                        String h = host.getValue().strip();
                        edits.putIfAbsent(host, new Edit(new Rewrite(path + "::host", h, ANY_HOST), h));
                    }
                }
            }
        }

        private static int port(String s) {
            if (!s.matches("[0-9]{1,5}")) {
                return -1;
            }
            int p = Integer.parseInt(s);
            return p > 0 && p <= 65535 ? p : -1;
        }

        List<Rewrite> rewrites() {
            return ordered().stream().map(n -> edits.get(n).rewrite()).toList();
        }

        private List<ScalarNode> ordered() {
            List<ScalarNode> nodes = new ArrayList<>(edits.keySet());
            nodes.sort(Comparator.comparingInt(n -> n.getStartMark().getIndex()));
            return nodes;
        }

        /** Replaces each edited scalar's host in the text, from the end so earlier offsets stay valid. */
        String apply(String yaml) {
            StringBuilder out = new StringBuilder(yaml);
            List<ScalarNode> nodes = ordered();
            Collections.reverse(nodes);
            for (ScalarNode n : nodes) {
                // marks count code points; the text is indexed in chars
                int start = yaml.offsetByCodePoints(0, n.getStartMark().getIndex());
                int end = yaml.offsetByCodePoints(0, n.getEndMark().getIndex());
                String host = edits.get(n).host();
                int at = yaml.substring(start, end).indexOf(host);
                if (at >= 0) { // always, unless the host is written with escapes
                    out.replace(start + at, start + at + host.length(), ANY_HOST);
                }
            }
            return out.toString();
        }
    }
}
