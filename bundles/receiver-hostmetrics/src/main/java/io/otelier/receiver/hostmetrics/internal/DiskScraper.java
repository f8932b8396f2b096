package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code disk} scraper (upstream internal/scraper/diskscraper, Linux): /proc/diskstats as gopsutil reads it
 * (512-byte sectors, milliseconds as seconds, devices whose counters are all zero left out).
 */
final class DiskScraper implements Scraper {

    static final String IO = "system.disk.io";
    static final String IO_TIME = "system.disk.io_time";
    static final String MERGED = "system.disk.merged";
    static final String OPERATION_TIME = "system.disk.operation_time";
    static final String OPERATIONS = "system.disk.operations";
    static final String PENDING = "system.disk.pending_operations";
    static final String WEIGHTED_IO_TIME = "system.disk.weighted_io_time";

    private static final long SECTOR = 512;
    private static final List<String> DEVICE = List.of("device");
    private static final List<String> DEVICE_DIRECTION = List.of("device", "direction");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(IO, "Disk bytes transferred.", "By", true, true)
                    .attributes(DEVICE_DIRECTION, DEVICE_DIRECTION).enabled(),
            MetricSpec.sum(IO_TIME, "Time disk spent activated. On Windows, this is calculated as the inverse of disk "
                    + "idle time.", "s", false, true).attributes(DEVICE, DEVICE).enabled(),
            MetricSpec.sum(MERGED, "The number of disk reads/writes merged into single physical disk access "
                    + "operations.", "{operations}", true, true)
                    .attributes(DEVICE_DIRECTION, DEVICE_DIRECTION).enabled(),
            MetricSpec.sum(OPERATION_TIME, "Time spent in disk operations.", "s", false, true)
                    .attributes(DEVICE_DIRECTION, DEVICE_DIRECTION).enabled(),
            MetricSpec.sum(OPERATIONS, "Disk operations count.", "{operations}", true, true)
                    .attributes(DEVICE_DIRECTION, DEVICE_DIRECTION).enabled(),
            MetricSpec.sum(PENDING, "The queue size of pending I/O operations.", "{operations}", true, false)
                    .attributes(DEVICE, DEVICE).enabled(),
            MetricSpec.sum(WEIGHTED_IO_TIME, "Time disk spent activated multiplied by the queue length.", "s", false,
                    true).attributes(DEVICE, DEVICE).enabled()));

    /** One line of /proc/diskstats: fields 3..13 (reads, merged reads, sectors read, read ms, writes, …). */
    private record Device(String name, long[] f) {
    }

    private final ProcFs proc;
    private final Predicate<String> devices;
    private long startTime;

    DiskScraper(ProcFs proc, Predicate<String> devices) {
        this.proc = proc;
        this.devices = devices;
    }

    @Override
    public String type() {
        return "disk";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        List<Device> all = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(proc.path("diskstats"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 14) {
                continue;
            }
            long[] values = new long[11];
            boolean active = false;
            for (int i = 0; i < 11; i++) {
                values[i] = Long.parseLong(f[i + 3]);
                active |= values[i] != 0;
            }
            if (active && devices.test(f[2])) {
                all.add(new Device(f[2], values));
            }
        }
        // upstream's order: io, operations, io_time, operation_time, pending, weighted io_time, merged
        for (Device d : all) {
            b.record(IO, startTime, now, d.f[2] * SECTOR, d.name, "read");
            b.record(IO, startTime, now, d.f[6] * SECTOR, d.name, "write");
            b.record(OPERATIONS, startTime, now, d.f[0], d.name, "read");
            b.record(OPERATIONS, startTime, now, d.f[4], d.name, "write");
            b.record(IO_TIME, startTime, now, d.f[9] / 1000.0, d.name);
            b.record(OPERATION_TIME, startTime, now, d.f[3] / 1000.0, d.name, "read");
            b.record(OPERATION_TIME, startTime, now, d.f[7] / 1000.0, d.name, "write");
            b.record(PENDING, startTime, now, d.f[8], d.name);
            b.record(WEIGHTED_IO_TIME, startTime, now, d.f[10] / 1000.0, d.name);
            b.record(MERGED, startTime, now, d.f[1], d.name, "read");
            b.record(MERGED, startTime, now, d.f[5], d.name, "write");
        }
    }
}
