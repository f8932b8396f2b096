package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code processes} scraper (upstream internal/scraper/processesscraper, Linux): processes by the state
 * letter of /proc/[pid]/status, with running and blocked overwritten by /proc/stat's own counters and any
 * shortfall against the number of /proc/[pid] directories counted as unknown, as upstream does.
 */
final class ProcessesScraper implements Scraper {

    static final String COUNT = "system.processes.count";
    static final String CREATED = "system.processes.created";

    /** Upstream's {@code status} attribute values, in metadata.yaml's order. */
    enum Status {
        BLOCKED, DAEMON, DETACHED, IDLE, LOCKED, ORPHAN, PAGING, RUNNING, SLEEPING, STOPPED, SYSTEM, UNKNOWN, ZOMBIES;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** gopsutil's reading of a state letter (convertStatusChar) mapped onto the attribute; null if unknown. */
        static Status ofLetter(char letter) {
            return switch (letter) {
                case 'A' -> DAEMON;
                case 'D', 'U' -> BLOCKED;
                case 'E' -> DETACHED;
                case 'I' -> IDLE;
                case 'L' -> LOCKED;
                case 'O' -> ORPHAN;
                case 'R' -> RUNNING;
                case 'S' -> SLEEPING;
                case 'T', 't' -> STOPPED;
                case 'W' -> PAGING;
                case 'Y' -> SYSTEM;
                case 'Z' -> ZOMBIES;
                default -> null;
            };
        }
    }

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(COUNT, "Total number of processes in each state.", "{processes}", true, false)
                    .attributes(List.of("status"), List.of("status")).enabled(),
            MetricSpec.sum(CREATED, "Total number of created processes. Supported on Linux and OpenBSD.",
                    "{processes}", true, true).enabled()));

    private final ProcFs proc;
    private long startTime;

    ProcessesScraper(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String type() {
        return "processes";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Character letter : proc.processStateLetters()) {
            Status status = Status.ofLetter(letter);
            counts.merge(status == null ? Status.UNKNOWN : status, 1L, Long::sum);
        }
        Map<String, Long> stat = proc.statCounters();
        counts.put(Status.BLOCKED, stat.getOrDefault("procs_blocked", 0L));
        counts.put(Status.RUNNING, stat.getOrDefault("procs_running", 0L));
        long known = counts.values().stream().mapToLong(Long::longValue).sum();
        long total = proc.processCount();
        if (total > known) {
            counts.put(Status.UNKNOWN, total - known);
        }
        counts.forEach((status, count) -> b.record(COUNT, startTime, now, count, status.value()));
        b.record(CREATED, startTime, now, stat.getOrDefault("processes", 0L));
    }
}
