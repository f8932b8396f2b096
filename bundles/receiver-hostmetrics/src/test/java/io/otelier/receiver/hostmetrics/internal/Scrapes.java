package io.otelier.receiver.hostmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helpers: run a scraper into a scope, find metrics and points, and read procfs independently. */
final class Scrapes {

    private Scrapes() {
    }

    static ScopeMetrics scrapeOnce(Scraper scraper, MetricsBuilder builder) throws IOException {
        ScopeMetrics scope = new ScopeMetrics();
        scraper.scrape(builder, System.currentTimeMillis() * 1_000_000L);
        builder.emitTo(scope);
        return scope;
    }

    static MetricSettings on() {
        return new MetricSettings(true, null, null);
    }

    static MetricSettings off() {
        return new MetricSettings(false, null, null);
    }

    static List<String> names(ScopeMetrics scope) {
        return scope.metrics().stream().map(Metric::name).toList();
    }

    static Metric metric(ScopeMetrics scope, String name) {
        return scope.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + names(scope)));
    }

    static List<NumberDataPoint> points(Metric metric) {
        return (metric.type() == io.otelier.pdata.metrics.MetricType.SUM ? metric.sum().dataPoints()
                : metric.gauge().dataPoints()).stream().toList();
    }

    static Map<String, String> attributes(NumberDataPoint p) {
        Map<String, String> out = new HashMap<>();
        p.attributes().forEach((k, v) -> out.put(k, v.asString()));
        return out;
    }

    /** The point whose attributes are exactly {@code attrs} (key, value, key, value…). */
    static NumberDataPoint point(Metric metric, String... attrs) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < attrs.length; i += 2) {
            wanted.put(attrs[i], attrs[i + 1]);
        }
        List<NumberDataPoint> found = points(metric).stream().filter(p -> attributes(p).equals(wanted)).toList();
        assertThat(found).as("points of %s with %s", metric.name(), wanted).hasSize(1);
        return found.get(0);
    }

    /** /proc/stat per-CPU lines as {cpu -> ticks[user, nice, system, idle, iowait, irq, softirq, steal]}. */
    static Map<String, long[]> procStat() throws IOException {
        return Files.readAllLines(Path.of("/proc/stat")).stream()
                .filter(l -> l.matches("cpu\\d+ .*"))
                .map(l -> l.split("\\s+"))
                .collect(Collectors.toMap(f -> f[0], f -> {
                    long[] ticks = new long[8];
                    for (int i = 0; i < 8; i++) {
                        ticks[i] = Long.parseLong(f[i + 1]);
                    }
                    return ticks;
                }));
    }

    static long bootTime() throws IOException {
        return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime"))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[1])).findFirst().orElseThrow();
    }

    /** /proc/meminfo values in kB (or pages for HugePages_*). */
    static Map<String, Long> procMeminfo() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().map(l -> l.split(":\\s+|\\s+"))
                .collect(Collectors.toMap(f -> f[0], f -> Long.parseLong(f[1])));
    }
}
