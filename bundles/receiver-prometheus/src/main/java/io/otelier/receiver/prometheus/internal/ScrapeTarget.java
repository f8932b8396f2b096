package io.otelier.receiver.prometheus.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target after relabeling (Prometheus's {@code scrape.PopulateLabels} and {@code Target}): its full label
 * set (with the {@code __} labels that steer the scrape), the labels discovery gave it, and what it implies:
 * URL, interval, timeout, and the labels attached to its samples.
 */
record ScrapeTarget(Labels labels, Labels discoveredLabels, URI url, Duration interval, Duration timeout) {

    /** Labels starting with this are internal and never reach samples. */
    static final String RESERVED_PREFIX = "__";

    /** A target dropped by relabeling ({@code null}) or built; invalid targets throw with Prometheus's reason. */
    static ScrapeTarget populate(ScrapeConfig cfg, Map<String, String> targetLabels, Map<String, String> groupLabels) {
        LabelsBuilder lb = discovered(cfg, targetLabels, groupLabels);
        Labels discovered = lb.labels();
        if (!RelabelRule.process(lb, cfg.relabelConfigs())) {
            return null;
        }
        String address = lb.get("__address__");
        if (address.isEmpty()) {
            throw new IllegalArgumentException("no address");
        }
        if (address.contains("/")) {
            throw new IllegalArgumentException("\"" + address + "\" is not a valid hostname");
        }
        Duration interval = duration(lb.get("__scrape_interval__"), "interval");
        Duration timeout = duration(lb.get("__scrape_timeout__"), "timeout");
        if (timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("scrape timeout cannot be greater than scrape interval (\""
                    + lb.get("__scrape_timeout__") + "\" > \"" + lb.get("__scrape_interval__") + "\")");
        }
        lb.forEachSnapshot((name, value) -> {
            if (name.startsWith("__meta_")) {
                lb.delete(name);
            }
        });
        if (lb.get("instance").isEmpty()) {
            lb.set("instance", address);
        }
        Labels labels = lb.labels();
        return new ScrapeTarget(labels, discovered, url(labels, cfg), interval, timeout);
    }

    /** Prometheus's {@code PopulateDiscoveredLabels}: discovery labels plus the scrape config's defaults. */
    static LabelsBuilder discovered(ScrapeConfig cfg, Map<String, String> targetLabels, Map<String, String> groupLabels) {
        LabelsBuilder lb = new LabelsBuilder();
        targetLabels.forEach(lb::set);
        groupLabels.forEach((k, v) -> {
            if (!targetLabels.containsKey(k)) {
                lb.set(k, v);
            }
        });
        setIfEmpty(lb, "job", cfg.jobName());
        setIfEmpty(lb, "__scrape_interval__", PromDuration.format(cfg.scrapeInterval()));
        setIfEmpty(lb, "__scrape_timeout__", PromDuration.format(cfg.scrapeTimeout()));
        setIfEmpty(lb, "__metrics_path__", cfg.metricsPath());
        setIfEmpty(lb, "__scheme__", cfg.scheme());
        setIfEmpty(lb, "__convert_classic_histograms_to_nhcb__", "false");
        setIfEmpty(lb, "__always_scrape_classic_histograms__", "false");
        setIfEmpty(lb, "__scrape_native_histograms__", "false");
        cfg.params().forEach((k, v) -> {
            if (!v.isEmpty()) {
                setIfEmpty(lb, "__param_" + k, v.get(0));
            }
        });
        return lb;
    }

    private static void setIfEmpty(LabelsBuilder lb, String name, String value) {
        if (lb.get(name).isEmpty()) {
            lb.set(name, value);
        }
    }

    private static Duration duration(String value, String what) {
        Duration d;
        try {
            d = PromDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("error parsing scrape " + what + ": " + e.getMessage());
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("scrape " + what + " cannot be 0");
        }
        return d;
    }

    /** scheme://address/path?params, where {@code __param_x} labels override the configured params' first values. */
    private static URI url(Labels labels, ScrapeConfig cfg) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        cfg.params().forEach((k, v) -> params.put(k, new ArrayList<>(v)));
        labels.forEach((name, value) -> {
            if (name.startsWith("__param_")) {
                String key = name.substring("__param_".length());
                List<String> values = params.computeIfAbsent(key, k -> new ArrayList<>());
                if (values.isEmpty()) {
                    values.add(value);
                } else {
                    values.set(0, value);
                }
            }
        });
        StringBuilder sb = new StringBuilder();
        sb.append(labels.get("__scheme__")).append("://").append(labels.get("__address__"));
        String path = labels.get("__metrics_path__");
        sb.append(path.startsWith("/") || path.isEmpty() ? path : "/" + path);
        String sep = "?";
        for (String key : new java.util.TreeSet<>(params.keySet())) {
            for (String v : params.get(key)) {
                sb.append(sep).append(encode(key)).append('=').append(encode(v));
                sep = "&";
            }
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Labels attached to every sample: the target's labels without the reserved {@code __} ones. */
    Labels sampleLabels() {
        LabelsBuilder lb = new LabelsBuilder();
        labels.forEach((name, value) -> {
            if (!name.startsWith(RESERVED_PREFIX)) {
                lb.set(name, value);
            }
        });
        return lb.labels();
    }

    String job() {
        return labels.get("job");
    }

    String instance() {
        return labels.get("instance");
    }
}
