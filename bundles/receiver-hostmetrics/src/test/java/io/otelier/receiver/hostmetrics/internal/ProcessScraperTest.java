package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.on;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.telemetry.Level;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessScraperTest {

    private static final long BOOT = 1_700_000_000L;
    /** A scrape 1000 s after boot; the fake processes started 10 s and 20 s after boot. */
    private static final long NOW = (BOOT + 1000) * 1_000_000_000L;

    @TempDir
    Path root;

    private Path passwd;

    @BeforeEach
    void fakeRoot() throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu  1 2 3 4\ncpu0 1 2 3 4\nbtime " + BOOT + "\n");
        Files.writeString(root.resolve("proc/cpuinfo"), "processor\t: 0\nprocessor\t: 1\n");
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal:       1000000 kB\n");
        passwd = root.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        // a complete process, multi-threaded, with a name the kernel cut at 15 characters
        fakeProcess(100, "long-running-se", 1000, 1, 1000);
        Files.writeString(root.resolve("proc/100/cmdline"), "/opt/bin/long-running-server\0--port\0" + "8080\0");
        Files.createSymbolicLink(root.resolve("proc/100/exe"), Path.of("/opt/bin/long-running-server"));
        // a process whose exe link and io file are unreadable, owned by a user the passwd file lacks
        fakeProcess(200, "worker", 4242, 100, 2000);
        Files.writeString(root.resolve("proc/200/cmdline"), "worker\0");
        Files.delete(root.resolve("proc/200/io"));
        // a kernel thread: empty command line, no exe
        fakeProcess(300, "kthreadd", 0, 0, 2000);
        // a process that ended after it was listed
        Files.createDirectories(root.resolve("proc/400"));
    }

    /** /proc/[pid] with stat, status, statm, io, cgroup, an fd directory of 3 and two tasks. */
    private void fakeProcess(int pid, String name, int uid, int ppid, long startTicks) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid));
        // fields 1-42: pid (comm) state ppid … utime(14)=250 stime(15)=125 … starttime(22) … blkio(42)=50
        StringBuilder stat = new StringBuilder(pid + " (" + name + ") S " + ppid);
        for (int field = 5; field <= 44; field++) {
            long value = switch (field) {
                case 10 -> 7000; // minflt
                case 12 -> 70;   // majflt
                case 14 -> 250;
                case 15 -> 125;
                case 22 -> startTicks;
                case 42 -> 50;
                default -> 0;
            };
            stat.append(' ').append(value);
        }
        Files.writeString(dir.resolve("stat"), stat + "\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nState:\tS (sleeping)\nUid:\t" + uid + "\t"
                + uid + "\t" + uid + "\t" + uid + "\nThreads:\t2\nShdPnd:\t0000000000000003\n"
                + "voluntary_ctxt_switches:\t10\nnonvoluntary_ctxt_switches:\t1\n");
        Files.writeString(dir.resolve("statm"), "2560 512 100 10 0 300 0\n");
        Files.writeString(dir.resolve("io"), "rchar: 4096\nwchar: 2048\nsyscr: 40\nsyscw: 20\nread_bytes: 1\n"
                + "write_bytes: 2\ncancelled_write_bytes: 0\n");
        Files.writeString(dir.resolve("cgroup"), "0::/system.slice/" + name + ".service\n");
        Files.writeString(dir.resolve("cmdline"), "");
        Files.createDirectories(dir.resolve("fd"));
        for (int fd = 0; fd < 3; fd++) {
            Files.createFile(dir.resolve("fd/" + fd));
        }
        for (int task : new int[] {pid, pid + 1}) {
            Path t = Files.createDirectories(dir.resolve("task/" + task));
            Files.writeString(t.resolve("status"), "Name:\t" + name + "\nvoluntary_ctxt_switches:\t" + task
                    + "\nnonvoluntary_ctxt_switches:\t3\n");
        }
    }

    private ProcessSettings settings(Map<String, MetricSettings> metrics, boolean muteAll, boolean muteQuirks) {
        return new ProcessSettings(null, null, muteAll, muteQuirks, muteQuirks, muteQuirks, muteQuirks, muteQuirks,
                null, metrics, null);
    }

    private Metrics scrape(ProcessSettings settings) throws IOException {
        return scrape(new ProcessScraper(new ProcFs(root.toString()), settings, passwd), settings, NOW);
    }

    private static Metrics scrape(ProcessScraper scraper, ProcessSettings settings, long now) throws IOException {
        scraper.start();
        MetricsBuilder builder = new MetricsBuilder(ProcessScraper.CATALOG, settings.metrics());
        Metrics out = new Metrics();
        try {
            scraper.scrape(builder, now);
        } finally {
            scraper.emitTo(out, builder, "1.2.3");
        }
        return out;
    }

    private static Map<String, Object> resource(ResourceMetrics r) {
        Map<String, Object> out = new HashMap<>();
        r.resource().attributes().forEach((k, v) -> out.put(k, v.type() == AnyValue.Type.INT ? v.intValue()
                : v.asString()));
        return out;
    }

    private static ResourceMetrics byPid(Metrics metrics, long pid) {
        return metrics.resourceMetrics().stream()
                .filter(r -> r.resource().attributes().get("process.pid").orElseThrow().intValue() == pid)
                .findFirst().orElseThrow(() -> new AssertionError("no resource for pid " + pid));
    }

    private static List<Long> pids(Metrics metrics) {
        return metrics.resourceMetrics().stream()
                .map(r -> r.resource().attributes().get("process.pid").orElseThrow().intValue()).toList();
    }

    private static ScopeMetrics scope(ResourceMetrics r) {
        return r.scopeMetrics().get(0);
    }

    @Test
    void defaultsReportEveryReadableProcessAndNameEachFailure() throws IOException {
        ProcessScraper scraper = new ProcessScraper(new ProcFs(root.toString()), ProcessSettings.defaults(), passwd);
        Metrics out = new Metrics();
        MetricsBuilder builder = new MetricsBuilder(ProcessScraper.CATALOG, Map.of());
        scraper.start();

        assertThatThrownBy(() -> scraper.scrape(builder, NOW)).isInstanceOf(PartialScrapeException.class)
                .hasMessage(String.join("; ",
                        "error reading process executable for pid 200: readlink " + root
                                + "/proc/200/exe: no such file or directory",
                        "error reading username for process \"worker\" (pid 200): user: unknown userid 4242",
                        "error reading disk usage for process \"worker\" (pid 200): open " + root
                                + "/proc/200/io: no such file or directory",
                        "error reading process executable for pid 300: readlink " + root
                                + "/proc/300/exe: no such file or directory",
                        "error reading process executable for pid 400: readlink " + root
                                + "/proc/400/exe: no such file or directory",
                        "error reading process name for pid 400: open " + root
                                + "/proc/400/status: no such file or directory"));
        scraper.emitTo(out, builder, "1.2.3");

        assertThat(pids(out)).as("the vanished process is left out, the others sent").containsExactly(100L, 200L,
                300L);
        ResourceMetrics server = byPid(out, 100);
        assertThat(server.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.43.0");
        assertThat(scope(server).scope().name()).isEqualTo(
                "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/"
                        + "scraper/processscraper");
        assertThat(scope(server).scope().version()).isEqualTo("1.2.3");
        assertThat(names(scope(server))).containsExactly("process.cpu.time", "process.disk.io",
                "process.memory.usage", "process.memory.virtual");
        assertThat(names(scope(byPid(out, 200)))).as("io unreadable: no disk metric").containsExactly(
                "process.cpu.time", "process.memory.usage", "process.memory.virtual");
    }

    @Test
    void metricsHaveUpstreamsShapeAndProcValues() throws IOException {
        long pageSize = ProcFs.pageSize();
        ScopeMetrics s = scope(byPid(scrape(settings(Map.of(), true, false)), 100));

        Metric cpu = metric(s, "process.cpu.time");
        assertThat(cpu.unit()).isEqualTo("s");
        assertThat(cpu.description()).isEqualTo("Total CPU seconds broken down by different states.");
        assertThat(cpu.sum().isMonotonic()).isTrue();
        assertThat(cpu.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        assertThat(point(cpu, "state", "user").doubleValue()).isEqualTo(2.5);
        assertThat(point(cpu, "state", "system").doubleValue()).isEqualTo(1.25);
        assertThat(point(cpu, "state", "wait").doubleValue()).isEqualTo(0.5);
        long started = (BOOT + 10) * 1_000_000_000L;
        assertThat(points(cpu)).allSatisfy(p -> {
            assertThat(p.startTimeUnixNano()).as("the process's start").isEqualTo(started);
            assertThat(p.timeUnixNano()).isEqualTo(NOW);
        });
        Metric rss = metric(s, "process.memory.usage");
        assertThat(rss.unit()).isEqualTo("By");
        assertThat(rss.sum().isMonotonic()).isFalse();
        assertThat(points(rss).get(0).intValue()).isEqualTo(512 * pageSize);
        assertThat(points(metric(s, "process.memory.virtual")).get(0).intValue()).isEqualTo(2560 * pageSize);
        Metric io = metric(s, "process.disk.io");
        assertThat(point(io, "direction", "read").intValue()).as("rchar, as gopsutil").isEqualTo(4096);
        assertThat(point(io, "direction", "write").intValue()).isEqualTo(2048);
    }

    @Test
    void optionalMetricsReportWhenEnabled() throws IOException {
        Map<String, MetricSettings> metrics = new HashMap<>();
        Stream.of("process.threads", "process.open_file_descriptors", "process.context_switches",
                "process.paging.faults", "process.signals_pending", "process.memory.utilization",
                "process.disk.operations", "process.handles", "process.uptime")
                .forEach(m -> metrics.put(m, on()));
        metrics.put("process.memory.virtual", Scrapes.off());
        ScopeMetrics s = scope(byPid(scrape(settings(metrics, true, false)), 100));

        assertThat(names(s)).as("handles is Windows only").containsExactly("process.context_switches",
                "process.cpu.time", "process.disk.io", "process.disk.operations", "process.memory.usage",
                "process.memory.utilization", "process.open_file_descriptors", "process.paging.faults",
                "process.signals_pending", "process.threads", "process.uptime");
        assertThat(points(metric(s, "process.threads")).get(0).intValue()).isEqualTo(2);
        assertThat(points(metric(s, "process.open_file_descriptors")).get(0).intValue()).isEqualTo(3);
        assertThat(point(metric(s, "process.context_switches"), "type", "voluntary").intValue())
                .as("summed over tasks 100 and 101").isEqualTo(201);
        assertThat(point(metric(s, "process.context_switches"), "type", "involuntary").intValue()).isEqualTo(6);
        assertThat(point(metric(s, "process.paging.faults"), "type", "major").intValue()).isEqualTo(70);
        assertThat(point(metric(s, "process.paging.faults"), "type", "minor").intValue()).isEqualTo(7000);
        assertThat(metric(s, "process.paging.faults").unit()).isEqualTo("{faults}");
        assertThat(points(metric(s, "process.signals_pending")).get(0).intValue()).isEqualTo(3);
        assertThat(point(metric(s, "process.disk.operations"), "direction", "read").intValue()).isEqualTo(40);
        assertThat(point(metric(s, "process.disk.operations"), "direction", "write").intValue()).isEqualTo(20);
        assertThat(metric(s, "process.uptime").type()).isEqualTo(MetricType.GAUGE);
        assertThat(points(metric(s, "process.uptime")).get(0).doubleValue()).isEqualTo(990.0);
        assertThat(points(metric(s, "process.memory.utilization")).get(0).doubleValue()).as("percent, as upstream")
                .isCloseTo(100.0 * 512 * ProcFs.pageSize() / 1_024_000_000, within(1e-4));
    }

    @Test
    void cpuUtilizationNeedsTwoScrapesAndDividesByCpus() throws IOException {
        ProcessSettings settings = settings(Map.of("process.cpu.utilization", on()), true, false);
        ProcessScraper scraper = new ProcessScraper(new ProcFs(root.toString()), settings, passwd);

        assertThat(names(scope(byPid(scrape(scraper, settings, NOW), 100)))).doesNotContain("process.cpu.utilization");
        Files.writeString(root.resolve("proc/100/stat"),
                Files.readString(root.resolve("proc/100/stat")).replace(" 250 125 ", " 450 125 "));
        ScopeMetrics s = scope(byPid(scrape(scraper, settings, NOW + 10_000_000_000L), 100));

        Metric utilization = metric(s, "process.cpu.utilization");
        assertThat(utilization.type()).isEqualTo(MetricType.GAUGE);
        assertThat(point(utilization, "state", "user").doubleValue()).as("2 s over 10 s on 2 CPUs").isEqualTo(0.1);
        assertThat(point(utilization, "state", "system").doubleValue()).isZero();
    }

    @Test
    void resourceAttributesFollowUpstreamsDefaultsAndSettings() throws IOException {
        Metrics defaults = scrape(settings(Map.of(), true, false));
        assertThat(resource(byPid(defaults, 100))).isEqualTo(Map.of("process.pid", 100L, "process.parent_pid", 1L,
                "process.executable.name", "long-running-server", "process.executable.path",
                "/opt/bin/long-running-server", "process.command", "/opt/bin/long-running-server",
                "process.command_line", "/opt/bin/long-running-server --port 8080", "process.owner", "alice"));
        assertThat(resource(byPid(defaults, 200))).as("no owner, no exe").isEqualTo(Map.of("process.pid", 200L,
                "process.parent_pid", 100L, "process.executable.name", "worker", "process.executable.path", "",
                "process.command", "worker", "process.command_line", "worker"));
        assertThat(resource(byPid(defaults, 300))).as("kernel thread: empty command").containsEntry(
                "process.command", "").containsEntry("process.command_line", "").containsEntry("process.owner", "root");
        assertThat(byPid(defaults, 100).resource().attributes().keys()).as("upstream's order").containsExactly(
                "process.pid", "process.parent_pid", "process.executable.name", "process.executable.path",
                "process.command", "process.command_line", "process.owner");

        ProcessSettings custom = new ProcessSettings(null, null, true, false, false, false, false, false, null, null,
                Map.of("process.cgroup", new ResourceAttributeSettings(true), "process.linux.cgroup",
                        new ResourceAttributeSettings(true), "process.command_line",
                        new ResourceAttributeSettings(false), "process.parent_pid", new ResourceAttributeSettings(false),
                        "process.owner", new ResourceAttributeSettings(null)));
        assertThat(resource(byPid(scrape(custom), 100))).isEqualTo(Map.of("process.pid", 100L,
                "process.executable.name", "long-running-server", "process.executable.path",
                "/opt/bin/long-running-server", "process.cgroup", "0::/system.slice/long-running-se.service",
                "process.linux.cgroup", "0::/system.slice/long-running-se.service",
                "process.command", "/opt/bin/long-running-server", "process.owner", "alice"));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(null, null, List.of(100L, 200L, 300L)),
                Arguments.of(new ProcessNameFilter(List.of("worker", "kthreadd"), "strict"), null, List.of(200L, 300L)),
                Arguments.of(new ProcessNameFilter(List.of("server"), "strict"), null, List.of()),
                Arguments.of(new ProcessNameFilter(List.of("server"), "regexp"), null, List.of(100L)),
                Arguments.of(null, new ProcessNameFilter(List.of("^k"), "regexp"), List.of(100L, 200L)),
                Arguments.of(new ProcessNameFilter(List.of("r"), "regexp"),
                        new ProcessNameFilter(List.of("worker"), "strict"), List.of(100L, 300L)));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void includeAndExcludeFilterByExecutableName(ProcessNameFilter include, ProcessNameFilter exclude,
            List<Long> expected) throws IOException {
        ProcessSettings settings = new ProcessSettings(include, exclude, true, false, false, false, false, false, null,
                null, null);
        assertThat(pids(scrape(settings))).containsExactlyElementsOf(expected);
    }

    @Test
    void muteSettingsSilenceTheirOwnErrorsOnly() throws IOException {
        ProcessScraper scraper = new ProcessScraper(new ProcFs(root.toString()),
                new ProcessSettings(null, null, false, true, true, true, false, false, null, null, null), passwd);
        scraper.start();
        assertThatThrownBy(() -> scraper.scrape(new MetricsBuilder(ProcessScraper.CATALOG, Map.of()), NOW))
                .as("the user error is not muted").hasMessage(
                        "error reading username for process \"worker\" (pid 200): user: unknown userid 4242");

        assertThatCode(() -> scrape(new ProcessSettings(null, null, false, true, true, true, true, false, null, null,
                null))).as("user muted too").doesNotThrowAnyException();
        Files.delete(root.resolve("proc/100/cgroup"));
        assertThatThrownBy(() -> scrape(new ProcessSettings(null, null, false, true, true, true, true, false, null,
                null, null))).hasMessage("error reading process cgroup for pid 100: open " + root
                        + "/proc/100/cgroup: no such file or directory");

        ProcessSettings allQuirks = settings(Map.of(), false, true);
        assertThatCode(() -> scrape(allQuirks)).doesNotThrowAnyException();
        assertThat(pids(scrape(allQuirks))).containsExactly(100L, 200L, 300L);
        Files.delete(root.resolve("proc/100/statm"));
        assertThatThrownBy(() -> scrape(allQuirks)).as("no flag mutes a memory error").hasMessage(
                "error reading memory info for process \"long-running-server\" (pid 100): open " + root
                        + "/proc/100/statm: no such file or directory");

        ProcessSettings all = settings(Map.of(), true, false);
        assertThatCode(() -> scrape(all)).doesNotThrowAnyException();
        assertThat(names(scope(byPid(scrape(all), 100)))).containsExactly("process.cpu.time", "process.disk.io");
    }

    @Test
    void aMalformedFileCostsOnlyItsMetric() throws IOException {
        Path status = root.resolve("proc/100/status");
        Files.writeString(status, Files.readString(status).replace("Threads:\t2", "Threads:\tmany"));
        ProcessSettings settings = new ProcessSettings(null, null, false, true, true, true, true, true, null,
                Map.of("process.threads", on()), null);
        MetricsBuilder builder = new MetricsBuilder(ProcessScraper.CATALOG, settings.metrics());
        ProcessScraper scraper = new ProcessScraper(new ProcFs(root.toString()), settings, passwd);
        scraper.start();

        assertThatThrownBy(() -> scraper.scrape(builder, NOW)).hasMessage("error reading thread info for process "
                + "\"long-running-server\" (pid 100): strconv.ParseInt: parsing \"many\": invalid syntax");
        Metrics out = new Metrics();
        scraper.emitTo(out, builder, "1.2.3");
        assertThat(names(scope(byPid(out, 100)))).containsExactly("process.cpu.time", "process.disk.io",
                "process.memory.usage", "process.memory.virtual");
        assertThat(names(scope(byPid(out, 200)))).contains("process.threads");
    }

    @Test
    void scrapeProcessDelaySkipsYoungProcesses() throws IOException {
        // processes 200 and 300 started 20 s after boot, i.e. 980 s before NOW; process 100 990 s before
        ProcessSettings delayed = new ProcessSettings(null, null, true, false, false, false, false, false,
                Duration.ofSeconds(985), null, null);
        assertThat(pids(scrape(delayed))).containsExactly(100L);
    }

    @Test
    void readsThisJvmAsProcDoes() throws IOException {
        long pid = ProcessHandle.current().pid();
        Path self = Path.of("/proc/" + pid);
        String name = statusField(self, "Name");
        Map<String, MetricSettings> metrics = Map.of("process.threads", on(), "process.open_file_descriptors", on());
        ProcessSettings settings = new ProcessSettings(new ProcessNameFilter(List.of(name), "strict"), null, true,
                false, false, false, false, false, null, metrics, null);
        ProcessScraper scraper = new ProcessScraper(new ProcFs(""), settings, ProcessScraper.PASSWD);

        double cpuBefore = ownCpuSeconds(self);
        long rssBefore = Long.parseLong(statusField(self, "VmRSS").split("\\s+")[0]) * 1024;
        long threadsBefore = Long.parseLong(statusField(self, "Threads"));
        long fdsBefore;
        try (Stream<Path> fds = Files.list(self.resolve("fd"))) {
            fdsBefore = fds.count();
        }
        Metrics out = scrape(scraper, settings, System.currentTimeMillis() * 1_000_000L);
        double cpuAfter = ownCpuSeconds(self);

        ResourceMetrics me = byPid(out, pid);
        ScopeMetrics s = scope(me);
        assertThat(resource(me)).containsEntry("process.executable.name", name)
                .containsEntry("process.executable.path", Files.readSymbolicLink(self.resolve("exe")).toString())
                .containsEntry("process.parent_pid", ProcessHandle.current().parent().orElseThrow().pid());
        String cmdline = Files.readString(self.resolve("cmdline"));
        assertThat(resource(me).get("process.command_line"))
                .isEqualTo(String.join(" ", cmdline.substring(0, cmdline.length() - 1).split("\0", -1)));
        double user = point(metric(s, "process.cpu.time"), "state", "user").doubleValue();
        double system = point(metric(s, "process.cpu.time"), "state", "system").doubleValue();
        assertThat(user + system).isBetween(cpuBefore - 0.011, cpuAfter + 0.011);
        assertThat(points(metric(s, "process.memory.usage")).get(0).intValue())
                .isCloseTo(rssBefore, within(rssBefore / 5));
        assertThat(points(metric(s, "process.threads")).get(0).intValue()).isCloseTo(threadsBefore, within(5L));
        assertThat(points(metric(s, "process.open_file_descriptors")).get(0).intValue())
                .isCloseTo(fdsBefore, within(5L));
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        assertThat(points(metric(s, "process.cpu.time")).get(0).startTimeUnixNano() / 1_000_000)
                .as("start time from stat, 10 ms ticks").isCloseTo(started, within(1000L));
    }

    private static String statusField(Path process, String key) throws IOException {
        return Files.readAllLines(process.resolve("status")).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).trim()).findFirst().orElseThrow();
    }

    private static double ownCpuSeconds(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
        return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) / 100.0;
    }

    @Test
    void theReceiverSendsOneResourcePerProcessAndLogsThePartialError() throws Exception {
        TestSettings ts = TestSettings.of(ComponentKind.RECEIVER, "hostmetrics");
        io.otelier.testkit.SinkConsumer<Metrics> sink = new io.otelier.testkit.SinkConsumer<>();
        ProcessSettings settings = new ProcessSettings(new ProcessNameFilter(List.of("kthreadd", "worker"), "strict"),
                null, false, false, false, false, true, false, null, Map.of("process.handles", on()), null);
        // the timer's first scrape is an hour away: this test scrapes by hand
        HostMetricsConfig config = new HostMetricsConfig(Duration.ofMinutes(1), Duration.ofHours(1), root.toString(),
                Duration.ZERO, new HostMetricsConfig.Scrapers(null, null, null, null, null, null, null, settings, null,
                        null));
        config.validate();
        HostMetricsReceiver receiver = (HostMetricsReceiver) new HostMetricsReceiverFactory().createMetrics(
                ts.settings, config, sink);
        receiver.start(new TestHost());
        Metrics batch;
        try {
            batch = receiver.scrape();
        } finally {
            receiver.shutdown();
        }

        assertThat(pids(batch)).containsExactly(200L, 300L);
        assertThat(scope(batch.resourceMetrics().get(0)).scope().version()).isEqualTo(ts.settings.buildInfo().version());
        assertThat(ts.logger.at(Level.WARN)).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("process.handles is only supported on Windows; disabling metric on this platform"));
        assertThat(ts.logger.at(Level.ERROR)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.message()).isEqualTo("Error scraping metrics");
            assertThat(e.fields()).containsExactly("scraper", "process");
            assertThat(e.error()).hasMessageContaining("error reading disk usage for process \"worker\" (pid 200)")
                    .hasMessageContaining("error reading process executable for pid 300");
        });
    }
}
