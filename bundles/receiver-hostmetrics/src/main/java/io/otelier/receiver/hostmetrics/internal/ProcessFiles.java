package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's files under /proc/[pid], read as gopsutil reads them for upstream's process scraper. Each file is
 * read at most once per instance (one instance per process per scrape). Failures carry Go's wording
 * ("open /proc/1/io: permission denied") since they end up in the scrape error upstream users know.
 */
final class ProcessFiles {

    /** The fields of /proc/[pid]/stat this scraper uses (man proc numbering in the comments). */
    record Stat(int ppid, long minorFaults, long majorFaults, long userTicks, long systemTicks, long startTicks,
            long blkioTicks) {
    }

    private final int pid;
    private final Path dir;
    private Stat stat;
    private Map<String, String> status;
    private List<String> cmdline;
    private boolean cmdlineRead;

    ProcessFiles(ProcFs proc, int pid) {
        this.pid = pid;
        this.dir = proc.path(Integer.toString(pid));
    }

    int pid() {
        return pid;
    }

    /**
     * The Name of the status file; a name cut at the kernel's 15 characters is completed from the first command line
     * argument when that starts with it, as gopsutil does.
     */
    String name() throws IOException {
        String name = status("Name");
        if (name.length() >= 15) {
            List<String> args = cmdline();
            if (args != null && !args.isEmpty()) {
                String base = baseName(args.get(0));
                if (base.startsWith(name)) {
                    return base;
                }
            }
        }
        return name;
    }

    /** The target of the exe link. */
    String exe() throws IOException {
        Path link = dir.resolve("exe");
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (NoSuchFileException e) {
            throw new IOException("readlink " + link + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException("readlink " + link + ": permission denied", e);
        } catch (NotLinkException e) {
            throw new IOException("readlink " + link + ": invalid argument", e);
        }
    }

    /** The cgroup file without its final newline. */
    String cgroup() throws IOException {
        String text = read("cgroup");
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The NUL-separated arguments, or null when the command line is empty (kernel threads). */
    List<String> cmdline() throws IOException {
        if (!cmdlineRead) {
            String text = read("cmdline");
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '\0') {
                end--;
            }
            cmdline = text.isEmpty() ? null : Arrays.asList(text.substring(0, end).split("\0", -1));
            cmdlineRead = true;
        }
        return cmdline;
    }

    /** The real user id (first of status's Uid line). */
    long uid() throws IOException {
        return number(status("Uid").split("\\s+")[0]);
    }

    Stat stat() throws IOException {
        if (stat == null) {
            stat = parseStat(dir.resolve("stat"), read("stat"));
        }
        return stat;
    }

    /** The resident and virtual size in pages (statm's second and first fields). */
    long[] residentAndVirtualPages() throws IOException {
        String[] f = read("statm").trim().split(" ");
        if (f.length < 6) {
            throw new IOException("malformed statm file: expected at least 6 fields, got " + f.length);
        }
        return new long[] {number(f[1]), number(f[0])};
    }

    /** The io file's counters by name (rchar, wchar, syscr, syscw, read_bytes…). */
    Map<String, Long> io() throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : read("io").split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), number(line.substring(colon + 1).trim()));
            }
        }
        return out;
    }

    long threadCount() throws IOException {
        return number(status("Threads"));
    }

    /** Signals queued for the whole process: status's ShdPnd mask read as a number, as gopsutil reports it. */
    long sharedPendingSignals() throws IOException {
        String mask = status("ShdPnd");
        return parseMask(mask.length() > 16 ? mask.substring(mask.length() - 16) : mask);
    }

    /** Entries of the fd directory. */
    long openFileDescriptors() throws IOException {
        return list(dir.resolve("fd")).size();
    }

    /**
     * {involuntary, voluntary} context switches summed over the process's tasks: the status of one task covers only
     * that task, so a multi-threaded process needs each of /proc/[pid]/task/[tid]/status.
     */
    long[] contextSwitches() throws IOException {
        List<Path> tasks = list(dir.resolve("task"));
        if (tasks.size() == 1) {
            return new long[] {number(status("nonvoluntary_ctxt_switches")),
                number(status("voluntary_ctxt_switches"))};
        }
        long[] sum = new long[2];
        for (Path task : tasks) {
            Map<String, String> s = parseStatus(readFile(task.resolve("status")));
            sum[0] += number(field(s, "nonvoluntary_ctxt_switches", task));
            sum[1] += number(field(s, "voluntary_ctxt_switches", task));
        }
        return sum;
    }

    private String status(String key) throws IOException {
        if (status == null) {
            status = parseStatus(read("status"));
        }
        return field(status, key, dir);
    }

    private static String field(Map<String, String> status, String key, Path dir) throws IOException {
        String value = status.get(key);
        if (value == null) {
            throw new IOException("no " + key + " in " + dir.resolve("status"));
        }
        return value;
    }

    private static Map<String, String> parseStatus(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** Fields after the command name, which may itself hold spaces and parentheses (hence the last ')'). */
    static Stat parseStat(Path file, String text) throws IOException {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (text.isEmpty()) {
            throw new IOException("process stat file " + file + " is empty, process may have terminated");
        }
        if (open < 0 || close < open || close + 2 > text.length()) {
            throw new IOException("malformed stat file: " + file);
        }
        // rest[0] is field 3 (state), so field n is rest[n - 3]
        String[] rest = text.substring(close + 2).trim().split("\\s+");
        if (rest.length < 20) {
            throw new IOException("malformed stat file: expected at least 23 fields, got " + (rest.length + 3));
        }
        long blkio = rest.length > 39 ? number(rest[39]) : 0;
        return new Stat((int) number(rest[1]), number(rest[7]), number(rest[9]),
                number(rest[11]), number(rest[12]), number(rest[19]), blkio);
    }

    /** A decimal field; a malformed one fails only the metric that needs it, like any unreadable file. */
    private static long number(String text) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("strconv.ParseInt: parsing \"" + text + "\": invalid syntax", e);
        }
    }

    private static long parseMask(String hex) throws IOException {
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("strconv.ParseUint: parsing \"" + hex + "\": invalid syntax", e);
        }
    }

    private String read(String name) throws IOException {
        return readFile(dir.resolve(name));
    }

    private static String readFile(Path file) throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("open " + file + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException("open " + file + ": permission denied", e);
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(out::add);
        } catch (NoSuchFileException e) {
            throw new IOException("open " + directory + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException("open " + directory + ": permission denied", e);
        }
        return out;
    }

    private static String baseName(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
