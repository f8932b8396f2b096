package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.names;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.on;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.point;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem scraper: statfs of this host's root filesystem, and mount tables of a fake root. */
class FilesystemScraperTest {

    private static final long TOLERANCE = 64L << 20;

    @TempDir
    Path root;

    @Test
    void theRootFilesystemMatchesStatfs() throws Exception {
        FilesystemSettings onlyRoot = new FilesystemSettings(false, null, null, null, null,
                new MountPointFilter(List.of("/"), "strict"), null, Map.of());
        FilesystemScraper scraper = new FilesystemScraper(new ProcFs(""), "", null, onlyRoot);
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(FilesystemScraper.CATALOG,
                Map.of("system.filesystem.utilization", on())));
        FileStore store = Files.getFileStore(Path.of("/"));
        long[] inodes = statInodes();

        assertThat(names(scope)).containsExactly("system.filesystem.inodes.usage", "system.filesystem.usage",
                "system.filesystem.utilization");
        Metric usage = metric(scope, "system.filesystem.usage");
        assertThat(usage.unit()).isEqualTo("By");
        assertThat(usage.sum().isMonotonic()).isFalse();
        assertThat(points(usage)).hasSize(3).allSatisfy(p -> assertThat(attributes(p))
                .containsKeys("device", "mode", "type").containsEntry("mountpoint", "/"));
        Map<String, String> attrs = attributes(points(usage).get(0));
        String[] key = {"device", attrs.get("device"), "mode", attrs.get("mode"), "mountpoint", "/", "type",
                attrs.get("type")};
        long free = point(usage, with(key, "state", "free")).intValue();
        long used = point(usage, with(key, "state", "used")).intValue();
        long reserved = point(usage, with(key, "state", "reserved")).intValue();
        assertThat(free).isCloseTo(store.getUsableSpace(), within(TOLERANCE));
        assertThat(used + free + reserved).isEqualTo(store.getTotalSpace());
        assertThat(reserved).isCloseTo(store.getUnallocatedSpace() - store.getUsableSpace(), within(TOLERANCE));
        assertThat(attrs.get("type")).isEqualTo(store.type());

        Metric inodeUsage = metric(scope, "system.filesystem.inodes.usage");
        assertThat(inodeUsage.unit()).isEqualTo("{inodes}");
        assertThat(point(inodeUsage, with(key, "state", "free")).intValue()).isCloseTo(inodes[1], within(10_000L));
        assertThat(point(inodeUsage, with(key, "state", "used")).intValue())
                .isCloseTo(inodes[0] - inodes[1], within(10_000L));
        assertThat(point(metric(scope, "system.filesystem.utilization"), key).doubleValue())
                .isCloseTo((double) used / (used + free), within(1e-9));
    }

    @Test
    void mountTableOfAFakeRoot() throws Exception {
        Files.createDirectories(root.resolve("proc/1"));
        Files.createDirectories(root.resolve("sys/dev/block"));
        Files.createSymbolicLink(root.resolve("sys/dev/block/8:1"), Path.of("../../devices/pci0000:00/block/sda/sda1"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/filesystems"), "nodev\tsysfs\nnodev\ttmpfs\n\text4\n\txfs\nnodev\tzfs\n");
        Files.writeString(root.resolve("proc/1/mountinfo"), """
                22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/root rw
                23 22 0:22 / /sys rw,relatime - sysfs sysfs rw
                24 22 0:23 / /run/user rw - tmpfs tmpfs rw
                25 22 8:1 /srv/data /data rw,relatime - ext4 /dev/sda1 rw
                26 22 8:2 / /mnt/my\\040disk ro,relatime - xfs /dev/sdb1 rw
                27 22 8:3 / /backup rw,relatime - xfs /dev/sdc1 ro
                28 22 0:40 / /tank rw - zfs tank rw
                29 22 8:2 / /mnt/my\\040disk ro,relatime - xfs /dev/sdb1 rw
                """);
        List<String> asked = new ArrayList<>();
        Statfs fake = path -> {
            asked.add(path);
            if (path.endsWith("tank")) {
                throw new IOException("permission denied");
            }
            return new Statfs.Usage(1000, 300, 600, 50, 20);
        };
        FilesystemScraper scraper = new FilesystemScraper(new ProcFs(root.toString()), root.toString(), fake,
                FilesystemSettings.defaults());
        scraper.start();
        MetricsBuilder builder = new MetricsBuilder(FilesystemScraper.CATALOG, Map.of());

        assertThatThrownBy(() -> scraper.scrape(builder, 1)).isInstanceOf(PartialScrapeException.class)
                .hasMessageContaining("failed to read usage at " + root.resolve("tank"));
        ScopeMetrics scope = new ScopeMetrics();
        builder.emitTo(scope);
        Metric usage = metric(scope, "system.filesystem.usage");
        assertThat(points(usage).stream().map(p -> attributes(p).get("mountpoint")).distinct().toList())
                .as("virtual, bind and repeated mounts left out").containsExactly("/", "/mnt/my disk", "/backup");
        assertThat(point(usage, "device", "/dev/sda1", "mode", "rw", "mountpoint", "/", "type", "ext4",
                "state", "reserved").intValue()).as("/dev/root named after its block device").isEqualTo(100);
        assertThat(point(usage, "device", "/dev/sdb1", "mode", "ro", "mountpoint", "/mnt/my disk", "type", "xfs",
                "state", "used").intValue()).isEqualTo(600);
        assertThat(point(usage, "device", "/dev/sdc1", "mode", "ro", "mountpoint", "/backup", "type", "xfs",
                "state", "free").intValue()).as("a read-only superblock makes the mount ro").isEqualTo(300);
        assertThat(point(metric(scope, "system.filesystem.inodes.usage"), "device", "/dev/sdc1", "mode", "ro",
                "mountpoint", "/backup", "type", "xfs", "state", "used").intValue()).isEqualTo(30);
        assertThat(asked).as("mount points read under root_path").contains(root.toString(),
                root.resolve("mnt/my disk").toString());
    }

    @Test
    void filtersAndVirtualFilesystems() throws Exception {
        Files.createDirectories(root.resolve("proc/1"));
        Files.writeString(root.resolve("proc/stat"), "cpu0 1 1 1 1 1 1 1 1\nbtime 1700000000\n");
        Files.writeString(root.resolve("proc/filesystems"), "nodev\ttmpfs\n\text4\n");
        Files.writeString(root.resolve("proc/1/mountinfo"), """
                22 1 8:1 / / rw - ext4 /dev/sda1 rw
                24 22 0:23 / /run rw - tmpfs tmpfs rw
                25 22 0:24 / /dev/shm rw - tmpfs shm rw
                """);
        FilesystemSettings settings = new FilesystemSettings(true, null, new DeviceFilter(List.of("shm"), "strict"),
                new FsTypeFilter(List.of("^tmp"), "regexp"), null, null, null, Map.of());
        FilesystemScraper scraper = new FilesystemScraper(new ProcFs(root.toString()), root.toString(), path ->
                new Statfs.Usage(10, 5, 5, 0, 0), settings);
        scraper.start();
        ScopeMetrics scope = Scrapes.scrapeOnce(scraper, new MetricsBuilder(FilesystemScraper.CATALOG, Map.of()));

        assertThat(points(metric(scope, "system.filesystem.usage")).stream()
                .map(p -> attributes(p).get("mountpoint")).distinct().toList()).containsExactly("/run");
    }

    @Test
    void filtersAreCheckedAsUpstreamCreatesThem() {
        assertThatThrownBy(() -> new FilesystemSettings(false, null, null, null, new FsTypeFilter(List.of("nfs"), ""),
                null, null, null).validateOptions()).hasMessage("exclude_fs_types::match_type: error creating "
                        + "exclude_fs_types filter: unrecognized match_type: '', valid types are: [regexp strict]");
        assertThat(Partitions.unescape("/mnt/a\\040b\\134c")).isEqualTo("/mnt/a b\\c");
    }

    private static String[] with(String[] key, String k, String v) {
        String[] out = java.util.Arrays.copyOf(key, key.length + 2);
        out[key.length] = k;
        out[key.length + 1] = v;
        return out;
    }

    /** {total, free} inodes of / from stat(1), an independent reading of statfs. */
    private static long[] statInodes() throws Exception {
        Process p = new ProcessBuilder("stat", "-f", "-c", "%c %d", "/").start();
        String[] out = new String(p.getInputStream().readAllBytes()).trim().split(" ");
        assertThat(p.waitFor()).isZero();
        return new long[] {Long.parseLong(out[0]), Long.parseLong(out[1])};
    }
}
