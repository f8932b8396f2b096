package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code filesystem} scraper (upstream internal/scraper/filesystemscraper, Linux): every mounted filesystem
 * that passes the filters, with its usage from statfs(2) read through the host root when {@code root_path} is set.
 */
final class FilesystemScraper implements Scraper {

    static final String INODES_USAGE = "system.filesystem.inodes.usage";
    static final String USAGE = "system.filesystem.usage";
    static final String UTILIZATION = "system.filesystem.utilization";

    private static final List<String> WITH_STATE = List.of("device", "mode", "mountpoint", "type", "state");
    private static final List<String> WITHOUT_STATE = List.of("device", "mode", "mountpoint", "type");

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.sum(INODES_USAGE, "FileSystem inodes used.", "{inodes}", true, false)
                    .attributes(WITH_STATE, WITH_STATE).enabled(),
            MetricSpec.sum(USAGE, "Filesystem bytes used.", "By", true, false)
                    .attributes(WITH_STATE, WITH_STATE).enabled(),
            MetricSpec.gauge(UTILIZATION, "Fraction of filesystem bytes used.", "1", false)
                    .attributes(WITHOUT_STATE, WITHOUT_STATE)));

    private final ProcFs proc;
    private final Partitions partitions;
    private Statfs statfs;
    private final FilesystemSettings settings;
    private final String rootPath;
    private long startTime;

    /** @param statfs how to read a filesystem's usage; null for the native statfs, loaded on start */
    FilesystemScraper(ProcFs proc, String rootPath, Statfs statfs, FilesystemSettings settings) {
        this.proc = proc;
        this.partitions = new Partitions(rootPath);
        this.rootPath = rootPath == null ? "" : rootPath;
        this.statfs = statfs;
        this.settings = settings;
    }

    @Override
    public String type() {
        return "filesystem";
    }

    @Override
    public void start() throws IOException {
        startTime = proc.bootTimeSeconds() * 1_000_000_000L;
        if (statfs == null) {
            statfs = Statfs.load();
        }
    }

    @Override
    public void scrape(MetricsBuilder b, long now) throws IOException {
        List<Partitions.Partition> all = partitions.list(settings.includeVirtualFilesystems());
        List<IOException> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Partitions.Partition p : all) {
            if (p.device().isEmpty() && p.mountpoint().isEmpty()) {
                continue;
            }
            if (!seen.add(p.mountpoint() + "\u0000" + p.device()) && !p.mountpoint().isEmpty()) {
                continue;
            }
            if (!included(p)) {
                continue;
            }
            String path = translate(p.mountpoint());
            Statfs.Usage u;
            try {
                u = statfs.usage(path);
            } catch (IOException e) {
                failures.add(new IOException("failed to read usage at " + path + ": " + e.getMessage(), e));
                continue;
            }
            String mode = p.mode();
            b.record(USAGE, startTime, now, u.used(), p.device(), mode, p.mountpoint(), p.fsType(), "used");
            b.record(USAGE, startTime, now, u.free(), p.device(), mode, p.mountpoint(), p.fsType(), "free");
            b.record(USAGE, startTime, now, u.total() - u.used() - u.free(), p.device(), mode, p.mountpoint(),
                    p.fsType(), "reserved");
            double denominator = (double) u.used() + u.free();
            b.record(UTILIZATION, startTime, now, denominator == 0 ? 0 : u.used() / denominator, p.device(), mode,
                    p.mountpoint(), p.fsType());
            b.record(INODES_USAGE, startTime, now, u.inodesUsed(), p.device(), mode, p.mountpoint(), p.fsType(),
                    "used");
            b.record(INODES_USAGE, startTime, now, u.inodesFree(), p.device(), mode, p.mountpoint(), p.fsType(),
                    "free");
        }
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            PartialScrapeException e = new PartialScrapeException(first.getMessage(), first);
            failures.subList(1, failures.size()).forEach(e::addSuppressed);
            throw e;
        }
    }

    private boolean included(Partitions.Partition p) {
        return settings.devices().test(p.device()) && settings.fsTypes().test(p.fsType())
                && settings.mountPoints().test(p.mountpoint());
    }

    /** A mount point as the collector sees it: under root_path unless it already is. */
    private String translate(String mountpoint) {
        if (rootPath.isEmpty() || rootPath.equals("/")) {
            return mountpoint;
        }
        Path root = Path.of(rootPath).normalize();
        Path mount = Path.of(mountpoint).normalize();
        if (mount.startsWith(root)) {
            return mountpoint;
        }
        return root.resolve(root.getRoot().relativize(mount.isAbsolute() ? mount : root.getRoot().resolve(mount)))
                .toString();
    }
}
