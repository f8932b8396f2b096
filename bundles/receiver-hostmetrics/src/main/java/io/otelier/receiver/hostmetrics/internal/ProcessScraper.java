package io.otelier.receiver.hostmetrics.internal;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code process} scraper (upstream internal/scraper/processscraper, Linux): one resource per process whose
 * executable name passes the filters, with its metrics read from /proc/[pid]. A process that cannot be read
 * fully costs only the affected metrics (or the process, when even its name is unreadable): the rest of the
 * scrape is sent and the failures are reported together, unless muted, as upstream's partial scrape error.
 */
final class ProcessScraper implements Scraper {

    static final String CONTEXT_SWITCHES = "process.context_switches";
    static final String CPU_TIME = "process.cpu.time";
    static final String CPU_UTILIZATION = "process.cpu.utilization";
    static final String DISK_IO = "process.disk.io";
    static final String DISK_OPERATIONS = "process.disk.operations";
    static final String HANDLES = "process.handles";
    static final String MEMORY_USAGE = "process.memory.usage";
    static final String MEMORY_UTILIZATION = "process.memory.utilization";
    static final String MEMORY_VIRTUAL = "process.memory.virtual";
    static final String OPEN_FILE_DESCRIPTORS = "process.open_file_descriptors";
    static final String PAGING_FAULTS = "process.paging.faults";
    static final String SIGNALS_PENDING = "process.signals_pending";
    static final String THREADS = "process.threads";
    static final String UPTIME = "process.uptime";

    /** The semantic conventions upstream's process scraper declares (sem_conv_version 1.43.0). */
    static final String PROCESS_SCHEMA_URL = "https://opentelemetry.io/schemas/1.43.0";

    /** Where owner names come from: the collector's own user database, not root_path's (as Go's os/user). */
    static final Path PASSWD = Path.of("/etc/passwd");

    private static final List<String> STATE = List.of("state");
    private static final List<String> DIRECTION = List.of("direction");
    private static final List<String> TYPE = List.of("type");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(CONTEXT_SWITCHES, "Number of times the process has been context switched.", "{count}",
                    true, true).attributes(TYPE, TYPE),
            MetricSpec.sum(CPU_TIME, "Total CPU seconds broken down by different states.", "s", false, true)
                    .attributes(STATE, STATE).enabled(),
            MetricSpec.gauge(CPU_UTILIZATION, "Percentage of total CPU time used by the process since last scrape, "
                    + "expressed as a value between 0 and 1. On the first scrape, no data point is emitted for this "
                    + "metric.", "1", false).attributes(STATE, STATE),
            MetricSpec.sum(DISK_IO, "Disk bytes transferred.", "By", true, true).attributes(DIRECTION, DIRECTION)
                    .enabled(),
            MetricSpec.sum(DISK_OPERATIONS, "Number of disk operations performed by the process.", "{operations}",
                    true, true).attributes(DIRECTION, DIRECTION),
            MetricSpec.sum(HANDLES, "Number of open handles held by the process.", "{count}", true, false),
            MetricSpec.sum(MEMORY_USAGE, "The amount of physical memory in use.", "By", true, false).enabled(),
            MetricSpec.gauge(MEMORY_UTILIZATION, "Percentage of total physical memory that is used by the process.",
                    "1", false),
            MetricSpec.sum(MEMORY_VIRTUAL, "The amount of committed virtual memory.", "By", true, false).enabled(),
            MetricSpec.sum(OPEN_FILE_DESCRIPTORS, "Number of file descriptors in use by the process.", "{count}", true,
                    false),
            MetricSpec.sum(PAGING_FAULTS, "Number of page faults the process has made.", "{faults}", true, true)
                    .attributes(TYPE, TYPE),
            MetricSpec.sum(SIGNALS_PENDING, "Number of pending signals for the process.", "{signals}", true, false),
            MetricSpec.sum(THREADS, "Process threads count.", "{threads}", true, false),
            MetricSpec.gauge(UPTIME, "The time the process has been running.", "s", false)));

    /** Upstream's resource attributes with their default enablement, in the order upstream sets them. */
    static final Map<String, Boolean> RESOURCE_ATTRIBUTES = orderedDefaults(
            "process.pid", true, "process.parent_pid", true, "process.executable.name", true,
            "process.executable.path", true, "process.cgroup", false, "process.linux.cgroup", false,
            "process.command", true, "process.command_line", true, "process.owner", true);

    private final ProcFs proc;
    private final ProcessSettings settings;
    private final Path passwd;
    private final Map<Integer, CpuReading> previousCpu = new HashMap<>();
    private Metrics pending = new Metrics();
    private Long memTotal;
    private long pageSize;
    private int logicalCpus;

    /** @param passwd the user database owner names come from (the collector's own, as Go's os/user reads it) */
    ProcessScraper(ProcFs proc, ProcessSettings settings, Path passwd) {
        this.proc = proc;
        this.settings = settings;
        this.passwd = passwd;
    }

    @Override
    public String type() {
        return "process";
    }

    @Override
    public void start() throws IOException {
        pageSize = ProcFs.pageSize();
        logicalCpus = proc.logicalCpuCount();
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        pending = new Metrics();
        memTotal = null;
        Errors errors = new Errors();
        long bootSeconds = proc.bootTimeSeconds();
        Users users = new Users(passwd);
        Set<Integer> present = new HashSet<>();
        for (int pid : proc.processIds()) {
            ProcessFiles p = new ProcessFiles(proc, pid);
            Identity id = identify(p, users, bootSeconds, now, errors);
            if (id != null) {
                present.add(pid);
                recordMetrics(b, p, id, now, errors);
                emitResource(b, id);
            }
        }
        previousCpu.keySet().retainAll(present);
        if (!errors.isEmpty() && !settings.muteProcessAllErrors()) {
            throw errors.toException();
        }
    }

    @Override
    public void emitTo(Metrics out, MetricsBuilder builder, String version) {
        for (ResourceMetrics resource : pending.resourceMetrics()) {
            resource.scopeMetrics().forEach(scope -> scope.scope().setVersion(version));
        }
        pending.resourceMetrics().moveAllTo(out.resourceMetrics());
    }

    /** What a process's resource says about it, and when it started (ms); null when the process is not reported. */
    private record Identity(int pid, int parentPid, String name, String exe, String cgroup, List<String> command,
            String owner, long createTimeMillis) {
    }

    /** Upstream's getProcessMetadata for one process: name, filters, the resource's attributes, start time. */
    private Identity identify(ProcessFiles p, Users users, long bootSeconds, long now, Errors errors) {
        int pid = p.pid();
        String exe = "";
        try {
            exe = p.exe();
        } catch (IOException e) {
            errors.addUnless(settings.muteProcessExeError(), "error reading process executable for pid " + pid, e);
        }
        String name;
        try {
            name = p.name();
        } catch (IOException e) {
            errors.addUnless(settings.muteProcessNameError(), "error reading process name for pid " + pid, e);
            return null;
        }
        String cgroup = "";
        try {
            cgroup = p.cgroup();
        } catch (IOException e) {
            errors.addUnless(settings.muteProcessCgroupError(), "error reading process cgroup for pid " + pid, e);
        }
        if (!settings.nameFilter().test(name)) {
            return null;
        }
        String process = "process \"" + name + "\" (pid " + pid + ")";
        List<String> command = null;
        try {
            List<String> args = p.cmdline();
            command = args == null ? List.of() : args;
        } catch (IOException e) {
            errors.add("error reading command for " + process, e);
        }
        String owner = "";
        try {
            owner = users.name(p.uid());
        } catch (IOException e) {
            errors.addUnless(settings.muteProcessUserError(), "error reading username for " + process, e);
        }
        long nowMillis = now / 1_000_000;
        long createTime;
        try {
            createTime = p.stat().startTicks() * 1000 / (long) ProcFs.TICKS_PER_SECOND + bootSeconds * 1000;
        } catch (IOException e) {
            errors.add("error reading create time for " + process, e);
            createTime = nowMillis; // so that a scrape_process_delay leaves it out
        }
        if (settings.scrapeProcessDelay().toMillis() > nowMillis - createTime) {
            return null;
        }
        int parentPid = 0;
        if (settings.resourceAttributeEnabled("process.parent_pid") && pid != 0) {
            try {
                parentPid = p.stat().ppid();
            } catch (IOException e) {
                errors.add("error reading parent pid for " + process, e);
            }
        }
        return new Identity(pid, parentPid, name, exe, cgroup, command, owner, createTime);
    }

    /** The metric families in upstream's order; each failure costs only its own family. */
    private void recordMetrics(MetricsBuilder b, ProcessFiles p, Identity id, long now, Errors errors) {
        long start = id.createTimeMillis() * 1_000_000;
        String process = "process \"" + id.name() + "\" (pid " + id.pid() + ")";
        Recorder r = new Recorder(b, start, now);
        try {
            recordCpu(r, p, now);
        } catch (IOException e) {
            errors.add("error reading cpu times for " + process, e);
        }
        try {
            if (b.enabled(MEMORY_USAGE) || b.enabled(MEMORY_VIRTUAL)) {
                long[] pages = p.residentAndVirtualPages();
                r.record(MEMORY_USAGE, pages[0] * pageSize);
                r.record(MEMORY_VIRTUAL, pages[1] * pageSize);
            }
        } catch (IOException e) {
            errors.add("error reading memory info for " + process, e);
        }
        try {
            if (b.enabled(MEMORY_UTILIZATION)) {
                long total = memTotal();
                // gopsutil computes the percentage in float32
                float percent = 100 * (float) (p.residentAndVirtualPages()[0] * pageSize) / (float) total;
                r.record(MEMORY_UTILIZATION, (double) percent);
            }
        } catch (IOException e) {
            errors.add("error reading memory utilization for " + process, e);
        }
        try {
            if (b.enabled(DISK_IO) || b.enabled(DISK_OPERATIONS)) {
                Map<String, Long> io = p.io();
                // gopsutil's ReadBytes / WriteBytes are the io file's rchar / wchar
                r.record(DISK_IO, io.getOrDefault("rchar", 0L), "read");
                r.record(DISK_IO, io.getOrDefault("wchar", 0L), "write");
                r.record(DISK_OPERATIONS, io.getOrDefault("syscr", 0L), "read");
                r.record(DISK_OPERATIONS, io.getOrDefault("syscw", 0L), "write");
            }
        } catch (IOException e) {
            errors.addUnless(settings.muteProcessIoError(), "error reading disk usage for " + process, e);
        }
        try {
            if (b.enabled(PAGING_FAULTS)) {
                r.record(PAGING_FAULTS, p.stat().majorFaults(), "major");
                r.record(PAGING_FAULTS, p.stat().minorFaults(), "minor");
            }
        } catch (IOException e) {
            errors.add("error reading memory paging info for " + process, e);
        }
        try {
            if (b.enabled(THREADS)) {
                r.record(THREADS, p.threadCount());
            }
        } catch (IOException e) {
            errors.add("error reading thread info for " + process, e);
        }
        try {
            if (b.enabled(CONTEXT_SWITCHES)) {
                long[] switches = p.contextSwitches();
                r.record(CONTEXT_SWITCHES, switches[0], "involuntary");
                r.record(CONTEXT_SWITCHES, switches[1], "voluntary");
            }
        } catch (IOException e) {
            errors.add("error reading context switch counts for " + process, e);
        }
        try {
            if (b.enabled(OPEN_FILE_DESCRIPTORS)) {
                r.record(OPEN_FILE_DESCRIPTORS, p.openFileDescriptors());
            }
        } catch (IOException e) {
            errors.add("error reading open file descriptor count for " + process, e);
        }
        // process.handles: Windows only, never recorded here (see ProcessSettings.platformWarnings)
        try {
            if (b.enabled(SIGNALS_PENDING)) {
                r.record(SIGNALS_PENDING, p.sharedPendingSignals());
            }
        } catch (IOException e) {
            errors.add("error reading pending signals for " + process, e);
        }
        if (b.enabled(UPTIME)) {
            r.record(UPTIME, (now - start) / 1e9);
        }
    }

    /** The host's memory in bytes, read once per scrape. */
    private long memTotal() throws IOException {
        if (memTotal == null) {
            memTotal = proc.memInfo().get("MemTotal");
        }
        return memTotal;
    }

    /** CPU seconds per state (user, system, wait = delay accounting's block I/O ticks), and their rate per CPU. */
    private void recordCpu(Recorder r, ProcessFiles p, long now) throws IOException {
        if (!r.b.enabled(CPU_TIME) && !r.b.enabled(CPU_UTILIZATION)) {
            return;
        }
        ProcessFiles.Stat stat = p.stat();
        CpuReading current = new CpuReading(now, stat.userTicks() / ProcFs.TICKS_PER_SECOND,
                stat.systemTicks() / ProcFs.TICKS_PER_SECOND, stat.blkioTicks() / ProcFs.TICKS_PER_SECOND);
        r.record(CPU_TIME, current.user(), "user");
        r.record(CPU_TIME, current.system(), "system");
        r.record(CPU_TIME, current.iowait(), "wait");
        if (!r.b.enabled(CPU_UTILIZATION)) {
            return;
        }
        CpuReading before = previousCpu.put(p.pid(), current);
        if (before != null) {
            double elapsed = (now - before.time()) / 1e9;
            r.record(CPU_UTILIZATION, share(current.user() - before.user(), elapsed), "user");
            r.record(CPU_UTILIZATION, share(current.system() - before.system(), elapsed), "system");
            r.record(CPU_UTILIZATION, share(current.iowait() - before.iowait(), elapsed), "wait");
        }
    }

    /** CPU seconds over an interval as a share of all CPUs' time (0 for no interval), as upstream's calculator. */
    private double share(double seconds, double elapsed) {
        return elapsed <= 0 ? 0 : seconds / elapsed / logicalCpus;
    }

    private record CpuReading(long time, double user, double system, double iowait) {
    }

    /** The process's resource with the enabled attributes, holding what was recorded for it (if anything). */
    private void emitResource(MetricsBuilder b, Identity id) {
        if (!b.hasPoints()) {
            return;
        }
        ResourceMetrics resource = pending.resourceMetrics().addNew().setSchemaUrl(PROCESS_SCHEMA_URL);
        Attributes attributes = resource.resource().attributes();
        put(attributes, "process.pid", id.pid());
        put(attributes, "process.parent_pid", id.parentPid());
        put(attributes, "process.executable.name", id.name());
        put(attributes, "process.executable.path", id.exe());
        put(attributes, "process.cgroup", id.cgroup());
        put(attributes, "process.linux.cgroup", id.cgroup());
        if (id.command() != null) {
            put(attributes, "process.command", id.command().isEmpty() ? "" : id.command().get(0));
            put(attributes, "process.command_line", String.join(" ", id.command()));
        }
        if (!id.owner().isEmpty()) {
            put(attributes, "process.owner", id.owner());
        }
        ScopeMetrics scope = resource.scopeMetrics().addNew();
        scope.scope().setName(scopeName());
        b.emitTo(scope);
    }

    private void put(Attributes attributes, String key, Object value) {
        if (settings.resourceAttributeEnabled(key)) {
            if (value instanceof Integer i) {
                attributes.put(key, (long) i);
            } else {
                attributes.put(key, (String) value);
            }
        }
    }

    /** Records one process's points with its start time. */
    private record Recorder(MetricsBuilder b, long start, long now) {

        void record(String metric, long value, String... attributes) {
            b.record(metric, start, now, value, attributes);
        }

        void record(String metric, double value, String... attributes) {
            b.record(metric, start, now, value, attributes);
        }
    }

    /** Upstream's combined scrape errors: every failure's message, joined as multierr joins them. */
    private static final class Errors {
        private final List<String> messages = new ArrayList<>();

        void add(String context, IOException e) {
            messages.add(context + ": " + e.getMessage());
        }

        void addUnless(boolean muted, String context, IOException e) {
            if (!muted) {
                add(context, e);
            }
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        PartialScrapeException toException() {
            return new PartialScrapeException(String.join("; ", messages), null);
        }
    }

    /** User names by uid from a passwd file, read once per scrape on first use. */
    private static final class Users {
        private final Path passwd;
        private Map<Long, String> names;

        Users(Path passwd) {
            this.passwd = passwd;
        }

        String name(long uid) throws IOException {
            if (names == null) {
                names = read(passwd);
            }
            String name = names.get(uid);
            if (name == null) {
                throw new IOException("user: unknown userid " + uid);
            }
            return name;
        }

        private static Map<Long, String> read(Path passwd) throws IOException {
            Map<Long, String> out = new HashMap<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(passwd);
            } catch (NoSuchFileException e) {
                throw new IOException("open " + passwd + ": no such file or directory", e);
            }
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && !line.startsWith("#")) {
                    try {
                        out.putIfAbsent(Long.parseLong(f[2]), f[0]);
                    } catch (NumberFormatException e) {
                        // not a user entry
                    }
                }
            }
            return out;
        }
    }

    private static Map<String, Boolean> orderedDefaults(Object... nameThenEnabled) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenEnabled.length; i += 2) {
            out.put((String) nameThenEnabled[i], (Boolean) nameThenEnabled[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
