package io.otelier.receiver.prometheus.internal;

import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Prometheus's {@code file_sd_configs}: target groups read from JSON or YAML files matched by glob patterns
 * (the wildcard only in the last path element). Files are re-read when one of them appears, changes or
 * disappears (checked on every {@link #poll}, standing in for Prometheus's file watches) and at least every
 * {@code refresh_interval}. A file that cannot be read or parsed keeps its previous targets and is logged, as
 * Prometheus does; each target gets {@code __meta_filepath}.
 */
final class FileDiscovery {

    private static final Pattern PATTERN = Pattern.compile("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$");

    private final List<String> patterns;
    private final Duration refreshInterval;
    private final Logger logger;
    private final Map<Path, List<TargetGroup>> lastGroups = new LinkedHashMap<>();
    private Map<Path, String> lastSignature = Map.of();
    private long lastRefreshNanos;
    private boolean first = true;

    FileDiscovery(ScrapeConfig.FileSdConfig config, Logger logger) {
        this.patterns = config.files();
        this.refreshInterval = config.refreshInterval();
        this.logger = logger;
    }

    static boolean isValidPattern(String pattern) {
        return PATTERN.matcher(pattern).matches();
    }

    /** The groups of all files when something changed since the last call (or on the first call), else null. */
    List<TargetGroup> poll(long nowNanos) {
        Map<Path, String> signature = signature();
        boolean due = first || nowNanos - lastRefreshNanos >= refreshInterval.toNanos();
        if (!due && signature.equals(lastSignature)) {
            return null;
        }
        first = false;
        lastRefreshNanos = nowNanos;
        lastSignature = signature;
        Map<Path, List<TargetGroup>> next = new LinkedHashMap<>();
        for (Path file : signature.keySet()) {
            try {
                next.put(file, read(file));
            } catch (IOException | RuntimeException e) {
                logger.warn("Error reading file", "path", file.toString(), "err", String.valueOf(e.getMessage()));
                List<TargetGroup> previous = lastGroups.get(file);
                if (previous != null) {
                    next.put(file, previous);
                }
            }
        }
        lastGroups.clear();
        lastGroups.putAll(next);
        List<TargetGroup> all = new ArrayList<>();
        next.values().forEach(all::addAll);
        return all;
    }

    /** Matched files with their modification time and size. */
    private Map<Path, String> signature() {
        Map<Path, String> out = new HashMap<>();
        for (Path file : matches()) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                out.put(file, a.lastModifiedTime().toMillis() + "/" + a.size());
            } catch (IOException e) {
                // vanished between listing and stat: it counts as gone
            }
        }
        return out;
    }

    private List<Path> matches() {
        TreeSet<Path> out = new TreeSet<>();
        for (String pattern : patterns) {
            Path p = Path.of(pattern);
            Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
            String glob = p.getFileName().toString();
            if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                for (Path f : ds) {
                    if (Files.isRegularFile(f)) {
                        out.add(p.getParent() == null ? f.getFileName() : f);
                    }
                }
            } catch (IOException e) {
                // a missing directory matches nothing, like filepath.Glob
            }
        }
        return new ArrayList<>(out);
    }

    /** @throws ConfigException or IOException when the file is not a list of target groups */
    static List<TargetGroup> read(Path file) throws IOException {
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IOException(e.getMessage(), e);
        }
        ConfigNode root = new ConfigNode(doc, file.toString());
        List<TargetGroup> groups = new ArrayList<>();
        List<ConfigNode> items = root.list();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode g = items.get(i);
            g.checkKeys(java.util.Set.of("targets", "labels"), java.util.Set.of(), "target group");
            TargetGroup parsed = PromConfigReader.targetGroup(g, file + ":" + i);
            Map<String, String> labels = new LinkedHashMap<>(parsed.labels());
            labels.put("__meta_filepath", file.toString());
            groups.add(new TargetGroup(parsed.targets(), labels, parsed.source()));
        }
        return groups;
    }
}
