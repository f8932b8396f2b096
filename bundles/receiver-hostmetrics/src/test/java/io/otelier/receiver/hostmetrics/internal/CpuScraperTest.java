package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.on;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.procStat;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.scrapeOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cpu scraper against this host's /proc and against a fixed fake root. */
class CpuScraperTest {

    private static final List<String> STATES = List.of("user", "nice", "system", "idle", "wait", "interrupt", "softirq",
            "steal");

    @TempDir
    Path root;

    @Test
    void defaultsAreTimeByStateAndLogicalCount() throws Exception {
        CpuScraper scraper = new CpuScraper(new ProcFs(""));
        scraper.start();
        Map<String, long[]> before = procStat();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(CpuScraper.CATALOG, Map.of()));
        Map<String, long[]> after = procStat();

        assertThat(names(scope)).containsExactly("system.cpu.logical.count", "system.cpu.time");
        Metric time = metric(scope, "system.cpu.time");
        assertThat(time.unit()).isEqualTo("s");
        assertThat(time.description()).isEqualTo("Total seconds each logical CPU spent on each mode.");
        assertThat(time.type()).isEqualTo(MetricType.SUM);
        assertThat(time.sum().isMonotonic()).isTrue();
        assertThat(time.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        assertThat(points(time)).hasSize(8).allSatisfy(p -> {
            assertThat(p.valueType()).isEqualTo(NumberDataPoint.ValueType.DOUBLE);
            assertThat(p.startTimeUnixNano()).isEqualTo(Scrapes.bootTime() * 1_000_000_000L);
            assertThat(attributes(p)).containsOnlyKeys("state");
        });
        // without the opt-in "cpu" attribute, upstream sums the CPUs' seconds per state
        for (int i = 0; i < STATES.size(); i++) {
            assertThat(point(time, "state", STATES.get(i)).doubleValue()).as(STATES.get(i))
                    .isBetween(sum(before, i) - 1e-6, sum(after, i) + 1e-6);
        }

        Metric count = metric(scope, "system.cpu.logical.count");
        assertThat(count.unit()).isEqualTo("{cpu}");
        assertThat(count.sum().isMonotonic()).isFalse();
        assertThat(points(count)).singleElement().satisfies(p -> {
            assertThat(p.valueType()).isEqualTo(NumberDataPoint.ValueType.INT);
            assertThat(p.intValue()).isEqualTo(before.size());
        });
    }

    @Test
    void perCpuTimesMatchProcStat() throws Exception {
        CpuScraper scraper = new CpuScraper(new ProcFs("/"));
        scraper.start();
        Map<String, long[]> before = procStat();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(CpuScraper.CATALOG,
                Map.of("system.cpu.time", new MetricSettings(null, null, List.of("cpu", "state")))));
        Map<String, long[]> after = procStat();

        Metric time = metric(scope, "system.cpu.time");
        assertThat(points(time)).hasSize(before.size() * STATES.size());
        for (String cpu : before.keySet()) {
            for (int i = 0; i < STATES.size(); i++) {
                assertThat(point(time, "cpu", cpu, "state", STATES.get(i)).doubleValue()).as(cpu + " " + STATES.get(i))
                        .isBetween(before.get(cpu)[i] / 100.0 - 1e-6, after.get(cpu)[i] / 100.0 + 1e-6);
            }
        }
        assertThat(attributes(points(time).get(0))).containsOnlyKeys("cpu", "state");
        assertThat(points(time).get(0).attributes().keys()).as("attribute order").containsExactly("cpu", "state");
    }

    @Test
    void utilizationNeedsTwoScrapesAndSumsToOnePerCpu() throws Exception {
        CpuScraper scraper = new CpuScraper(new ProcFs(""));
        scraper.start();
        MetricsBuilder builder = new MetricsBuilder(CpuScraper.CATALOG, Map.of("system.cpu.utilization",
                new MetricSettings(true, null, List.of("cpu", "state"))));
        assertThat(names(scrapeOnce(scraper, builder))).doesNotContain("system.cpu.utilization");
        busy(200);
        Metric utilization = metric(scrapeOnce(scraper, builder), "system.cpu.utilization");

        assertThat(utilization.type()).isEqualTo(MetricType.GAUGE);
        assertThat(utilization.unit()).isEqualTo("1");
        for (String cpu : procStat().keySet()) {
            double total = 0;
            for (String state : STATES) {
                double v = point(utilization, "cpu", cpu, "state", state).doubleValue();
                assertThat(v).as("float rounding aside").isBetween(0.0, 1.0 + 1e-9);
                total += v;
            }
            assertThat(total).as(cpu).satisfiesAnyOf(t -> assertThat(t).isCloseTo(1.0, within(1e-9)),
                    t -> assertThat(t).isZero());
        }
    }

    @Test
    void everyMetricFromAFakeRoot() throws Exception {
        writeProc("stat", """
                cpu  300 10 200 1000 5 6 7 8 0 0
                cpu0 100 10 50 500 5 1 2 3 0 0
                cpu1 200 0 150 500 0 5 5 5 0 0
                intr 1
                btime 1700000000
                """);
        writeProc("cpuinfo", """
                processor\t: 0
                physical id\t: 0
                core id\t\t: 0
                cpu MHz\t\t: 2400.500

                processor\t: 1
                physical id\t: 0
                core id\t\t: 0
                cpu MHz\t\t: 1800.000
                """);
        CpuScraper scraper = new CpuScraper(new ProcFs(root.toString()));
        scraper.start();
        Map<String, MetricSettings> all = Map.of("system.cpu.frequency", on(), "system.cpu.physical.count", on(),
                "system.cpu.utilization", new MetricSettings(true, null, List.of("cpu", "state")),
                "system.cpu.time", new MetricSettings(true, null, List.of("cpu", "state")));
        MetricsBuilder builder = new MetricsBuilder(CpuScraper.CATALOG, all);
        scrapeOnce(scraper, builder);
        writeProc("stat", """
                cpu0 150 10 100 500 5 1 2 3 0 0
                cpu1 200 0 150 500 0 5 5 5 0 0
                btime 1700000000
                """);
        ScopeMetrics scope = scrapeOnce(scraper, builder);

        assertThat(names(scope)).containsExactly("system.cpu.frequency", "system.cpu.logical.count",
                "system.cpu.physical.count", "system.cpu.time", "system.cpu.utilization");
        Metric time = metric(scope, "system.cpu.time");
        assertThat(point(time, "cpu", "cpu0", "state", "user").doubleValue()).isEqualTo(1.5);
        assertThat(point(time, "cpu", "cpu0", "state", "system").doubleValue()).isEqualTo(1.0);
        assertThat(point(time, "cpu", "cpu1", "state", "interrupt").doubleValue()).isEqualTo(0.05);
        assertThat(point(time, "cpu", "cpu0", "state", "wait").doubleValue()).isEqualTo(0.05);
        assertThat(points(time).get(0).startTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);

        Metric utilization = metric(scope, "system.cpu.utilization");
        assertThat(point(utilization, "cpu", "cpu0", "state", "user").doubleValue()).isCloseTo(0.5, within(1e-9));
        assertThat(point(utilization, "cpu", "cpu0", "state", "system").doubleValue()).isCloseTo(0.5, within(1e-9));
        assertThat(point(utilization, "cpu", "cpu0", "state", "idle").doubleValue()).isZero();
        assertThat(point(utilization, "cpu", "cpu1", "state", "idle").doubleValue()).as("no time passed").isZero();

        Metric frequency = metric(scope, "system.cpu.frequency");
        assertThat(frequency.unit()).isEqualTo("Hz");
        assertThat(point(frequency, "cpu", "cpu0").doubleValue()).isEqualTo(2_400_500_000.0);
        assertThat(point(frequency, "cpu", "cpu1").doubleValue()).isEqualTo(1_800_000_000.0);
        assertThat(points(metric(scope, "system.cpu.logical.count")).get(0).intValue()).isEqualTo(2);
        assertThat(points(metric(scope, "system.cpu.physical.count")).get(0).intValue()).as("hyperthreads").isEqualTo(1);
    }

    @Test
    void disabledMetricsAreNotEmitted() throws Exception {
        CpuScraper scraper = new CpuScraper(new ProcFs(""));
        scraper.start();
        ScopeMetrics scope = scrapeOnce(scraper, new MetricsBuilder(CpuScraper.CATALOG,
                Map.of("system.cpu.logical.count", Scrapes.off())));

        assertThat(names(scope)).containsExactly("system.cpu.time");
    }

    private void writeProc(String name, String content) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc").resolve(name), content);
    }

    private static double sum(Map<String, long[]> stat, int index) {
        return stat.values().stream().mapToLong(t -> t[index]).sum() / 100.0;
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.nanoTime() % 7;
        }
        assertThat(x).isNotNegative();
    }
}
