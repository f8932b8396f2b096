package io.otelier.receiver.hostmetrics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Linux kernel's statistics from procfs and sysfs under the configured root, with the same
 * arithmetic as gopsutil (which upstream's scrapers use): CPU ticks at USER_HZ = 100 per second, meminfo's
 * kB as KiB. Reading the files directly keeps the bundle free of native code and logging dependencies.
 */
final class ProcFs {

    /** USER_HZ: the kernel reports /proc/stat in this unit on every Linux architecture. */
    static final double TICKS_PER_SECOND = 100;

    /** Seconds one logical CPU spent in each mode (gopsutil's {@code TimesStat}). */
    record CpuTimes(String cpu, double user, double nice, double system, double idle, double iowait, double irq,
            double softirq, double steal) {

        double total() {
            return user + system + idle + nice + iowait + irq + softirq + steal;
        }
    }

    /** One processor entry of /proc/cpuinfo. */
    record CpuInfo(int processor, double mhz) {
    }

    private final Path proc;
    private final Path sys;

    /** @param rootPath the host's root directory as seen by the collector ("" for "/") */
    ProcFs(String rootPath) {
        Path root = Path.of(rootPath == null || rootPath.isEmpty() ? "/" : rootPath);
        this.proc = root.resolve("proc");
        this.sys = root.resolve("sys");
    }

    /** Per-CPU times from /proc/stat (the aggregate "cpu" line excluded). */
    List<CpuTimes> cpuTimes() throws IOException {
        List<CpuTimes> out = new ArrayList<>();
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            String[] f = line.trim().split("\\s+");
            if (f[0].startsWith("cpu") && f[0].length() > 3 && f.length >= 5) {
                out.add(new CpuTimes(f[0], ticks(f, 1), ticks(f, 2), ticks(f, 3), ticks(f, 4), ticks(f, 5), ticks(f, 6),
                        ticks(f, 7), ticks(f, 8)));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no per-CPU lines in " + proc.resolve("stat"));
        }
        return out;
    }

    private static double ticks(String[] fields, int index) {
        return index < fields.length ? Long.parseLong(fields[index]) / TICKS_PER_SECOND : 0;
    }

    /** Boot time in unix seconds ({@code btime} of /proc/stat). */
    long bootTimeSeconds() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        throw new IOException("no btime in " + proc.resolve("stat"));
    }

    /** /proc/meminfo with every "kB" value converted to bytes; counts (HugePages_*) kept as they are. */
    Map<String, Long> memInfo() throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] value = line.substring(colon + 1).trim().split("\\s+");
            try {
                long n = Long.parseLong(value[0]);
                out.put(line.substring(0, colon), value.length > 1 && value[1].equals("kB") ? n * 1024 : n);
            } catch (NumberFormatException e) {
                // a line this reader does not need
            }
        }
        if (!out.containsKey("MemTotal")) {
            throw new IOException("no MemTotal in " + proc.resolve("meminfo"));
        }
        return out;
    }

    List<CpuInfo> cpuInfo() throws IOException {
        List<CpuInfo> out = new ArrayList<>();
        int processor = -1;
        double mhz = 0;
        for (String line : Files.readAllLines(proc.resolve("cpuinfo"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor")) {
                if (processor >= 0) {
                    out.add(new CpuInfo(processor, mhz));
                }
                processor = Integer.parseInt(value);
                mhz = 0;
            } else if (key.equals("cpu MHz")) {
                mhz = Double.parseDouble(value);
            }
        }
        if (processor >= 0) {
            out.add(new CpuInfo(processor, mhz));
        }
        return out;
    }

    /** Logical CPUs: "processor" entries of /proc/cpuinfo, else the per-CPU lines of /proc/stat (as gopsutil). */
    int logicalCpuCount() throws IOException {
        long processors = Files.readAllLines(proc.resolve("cpuinfo")).stream()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("processor")).count();
        return processors > 0 ? (int) processors : cpuTimes().size();
    }

    /**
     * Physical cores: distinct sibling sets in sysfs CPU topology, else distinct (physical id, core id) pairs
     * of /proc/cpuinfo, as gopsutil counts them.
     */
    int physicalCpuCount() throws IOException {
        Set<String> cores = new HashSet<>();
        Path cpus = sys.resolve("devices/system/cpu");
        if (Files.isDirectory(cpus)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cpus, "cpu[0-9]*")) {
                for (Path dir : dirs) {
                    for (String name : List.of("core_cpus_list", "thread_siblings_list")) {
                        Path list = dir.resolve("topology").resolve(name);
                        if (Files.isReadable(list)) {
                            cores.add(Files.readString(list).trim());
                            break;
                        }
                    }
                }
            }
        }
        if (!cores.isEmpty()) {
            return cores.size();
        }
        String physicalId = "";
        try (BufferedReader in = Files.newBufferedReader(proc.resolve("cpuinfo"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                if (key.equals("physical id")) {
                    physicalId = line.substring(colon + 1).trim();
                } else if (key.equals("core id")) {
                    cores.add(physicalId + "/" + line.substring(colon + 1).trim());
                }
            }
        }
        if (cores.isEmpty()) {
            throw new IOException("no CPU topology in " + cpus + " or " + proc.resolve("cpuinfo"));
        }
        return cores.size();
    }

    /** The two-field counters of /proc/stat (processes, procs_running, procs_blocked, ctxt, btime…). */
    Map<String, Long> statCounters() throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                try {
                    out.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
        }
        return out;
    }

    /** The /proc/[pid] directories (gopsutil's NumProcs). */
    long processCount() throws IOException {
        return pids().size();
    }

    /**
     * The state letter of every process's /proc/[pid]/status; a process that ends while this runs is skipped.
     * A process whose status has no State line yields a blank, which counts as unknown.
     */
    List<Character> processStateLetters() throws IOException {
        List<Character> out = new ArrayList<>();
        for (Path pid : pids()) {
            try (BufferedReader in = Files.newBufferedReader(pid.resolve("status"))) {
                char letter = ' ';
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("State:")) {
                        String value = line.substring(6).trim();
                        letter = value.isEmpty() ? ' ' : value.charAt(0);
                        break;
                    }
                }
                out.add(letter);
            } catch (IOException e) {
                // the process ended meanwhile, as upstream expects
            }
        }
        return out;
    }

    /** The ids of the /proc/[pid] directories, ascending. */
    List<Integer> processIds() throws IOException {
        return pids().stream().map(p -> Integer.parseInt(p.getFileName().toString())).sorted().toList();
    }

    private List<Path> pids() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc,
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            dirs.forEach(out::add);
        }
        return out;
    }

    /** /proc/vmstat as name to value. */
    Map<String, Long> vmstat() throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(proc.resolve("vmstat"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                try {
                    out.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
        }
        return out;
    }

    /** A file under the configured /proc. */
    Path path(String relative) {
        return proc.resolve(relative);
    }

    /** The first integer of a one-value file under /proc, e.g. sys/net/netfilter/nf_conntrack_max. */
    long readLong(String relative) throws IOException {
        String text = Files.readString(proc.resolve(relative)).trim();
        try {
            return Long.parseLong(text.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new IOException("not an integer in " + proc.resolve(relative) + ": " + text, e);
        }
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg. */
    double[] loadAverages() throws IOException {
        String[] f = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
        if (f.length < 3) {
            throw new IOException("unexpected " + proc.resolve("loadavg") + ": " + String.join(" ", f));
        }
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    /** CPUs this process may run on (Cpus_allowed_list of /proc/self/status), Go's runtime.NumCPU(). */
    static int usableCpuCount() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                int count = 0;
                for (String range : line.substring(18).trim().split(",")) {
                    String[] ends = range.split("-");
                    count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
                }
                return count;
            }
        }
        throw new IOException("no Cpus_allowed_list in /proc/self/status");
    }

    /** This process's base page size (KernelPageSize of its first mapping), in bytes. */
    static long pageSize() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/self/smaps"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("KernelPageSize:")) {
                    return Long.parseLong(line.substring(15).trim().split("\\s+")[0]) * 1024;
                }
            }
        }
        throw new IOException("no KernelPageSize in /proc/self/smaps");
    }
}
