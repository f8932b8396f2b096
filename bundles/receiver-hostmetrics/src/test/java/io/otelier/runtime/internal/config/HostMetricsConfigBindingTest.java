package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.receiver.hostmetrics.internal.DiskSettings;
import io.otelier.receiver.hostmetrics.internal.DeviceFilter;
import io.otelier.receiver.hostmetrics.internal.FilesystemSettings;
import io.otelier.receiver.hostmetrics.internal.FsTypeFilter;
import io.otelier.receiver.hostmetrics.internal.HostMetricsConfig;
import io.otelier.receiver.hostmetrics.internal.HostMetricsReceiverFactory;
import io.otelier.receiver.hostmetrics.internal.InterfaceFilter;
import io.otelier.receiver.hostmetrics.internal.LoadSettings;
import io.otelier.receiver.hostmetrics.internal.MetricSettings;
import io.otelier.receiver.hostmetrics.internal.MountPointFilter;
import io.otelier.receiver.hostmetrics.internal.NetworkSettings;
import io.otelier.receiver.hostmetrics.internal.ProcessNameFilter;
import io.otelier.receiver.hostmetrics.internal.ProcessSettings;
import io.otelier.receiver.hostmetrics.internal.ResourceAttributeSettings;
import io.otelier.receiver.hostmetrics.internal.ScraperSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receiver's YAML bound by the collector's own binder, as a user writes it (the hands-on's first). */
class HostMetricsConfigBindingTest {

    @TempDir
    Path dir;

    @Test
    void theHandsOnConfigBinds() {
        HostMetricsConfig c = bind("hostmetrics", "{collection_interval: 30s, scrapers: {cpu: {}, memory: {}}}");

        assertThat(c.collectionInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.initialDelay()).as("default").isEqualTo(Duration.ofSeconds(1));
        assertThat(c.rootPath()).isEmpty();
        assertThat(c.scrapers().cpu()).isEqualTo(ScraperSettings.defaults());
        assertThat(c.scrapers().memory()).isEqualTo(ScraperSettings.defaults());
    }

    @Test
    void bareScraperKeysAndPerMetricSettingsBind() {
        HostMetricsConfig c = bind("host_metrics", """
                initial_delay: 0s
                root_path: /
                scrapers:
                  cpu:
                    metrics:
                      system.cpu.time:
                        attributes: [cpu, state]
                      system.cpu.utilization:
                        enabled: true
                        aggregation_strategy: max
                  memory:
                """);

        assertThat(c.collectionInterval()).as("default").isEqualTo(Duration.ofMinutes(1));
        assertThat(c.initialDelay()).isZero();
        assertThat(c.scrapers().cpu().metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "system.cpu.time", new MetricSettings(null, null, List.of("cpu", "state")),
                "system.cpu.utilization", new MetricSettings(true, "max", null)));
        assertThat(c.scrapers().memory()).isEqualTo(ScraperSettings.defaults());
    }

    @Test
    void loadAndSystemBind() {
        HostMetricsConfig c = bind("hostmetrics", """
                scrapers:
                  load:
                    cpu_average: true
                    metrics:
                      system.cpu.load_average.15m:
                        enabled: false
                  system:
                """);

        assertThat(c.scrapers().load()).isEqualTo(new LoadSettings(true,
                Map.of("system.cpu.load_average.15m", new MetricSettings(false, null, null))));
        assertThat(c.scrapers().system()).isEqualTo(ScraperSettings.defaults());
        assertThat(bind("hostmetrics", "scrapers: {load:}").scrapers().load()).isEqualTo(LoadSettings.defaults());
    }

    @Test
    void everyImplementedScraperBindsFromABareKey() {
        HostMetricsConfig c = bind("hostmetrics",
                "scrapers: {cpu:, disk:, filesystem:, load:, memory:, network:, paging:, process:, processes:, system:}");

        assertThat(c.scrapers()).isEqualTo(new HostMetricsConfig.Scrapers(ScraperSettings.defaults(),
                DiskSettings.defaults(), FilesystemSettings.defaults(), LoadSettings.defaults(), ScraperSettings.defaults(),
                NetworkSettings.defaults(), ScraperSettings.defaults(), ProcessSettings.defaults(),
                ScraperSettings.defaults(), ScraperSettings.defaults()));
    }

    @Test
    void networkFiltersBind() {
        HostMetricsConfig c = bind("hostmetrics", """
                scrapers:
                  network:
                    include:
                      interfaces: ["eth.*", "en.*"]
                      match_type: regexp
                    exclude:
                      interfaces: [lo]
                      match_type: strict
                """);

        assertThat(c.scrapers().network().include()).isEqualTo(new InterfaceFilter(List.of("eth.*", "en.*"), "regexp"));
        assertThat(c.scrapers().network().exclude()).isEqualTo(new InterfaceFilter(List.of("lo"), "strict"));
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {network: {include: {interfaces: [lo]}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::network::include::match_type: error creating "
                        + "network interface include filters: unrecognized match_type: ''");
        assertThatThrownBy(() -> bind("hostmetrics",
                "scrapers: {network: {include: {interfaces: [lo], match_type: regexp, regexp: {cacheenabled: true}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::network::include::regexp: is not supported "
                        + "by this distribution yet");
    }

    @Test
    void filesystemFiltersBind() {
        HostMetricsConfig c = bind("hostmetrics", """
                scrapers:
                  filesystem:
                    include_virtual_filesystems: true
                    exclude_mount_points:
                      mount_points: ["/dev/*", "/proc/*"]
                      match_type: regexp
                    exclude_fs_types:
                      fs_types: [tmpfs, overlay]
                      match_type: strict
                    include_devices:
                      devices: [/dev/sda1]
                      match_type: strict
                """);

        FilesystemSettings fs = c.scrapers().filesystem();
        assertThat(fs.includeVirtualFilesystems()).isTrue();
        assertThat(fs.excludeMountPoints()).isEqualTo(new MountPointFilter(List.of("/dev/*", "/proc/*"), "regexp"));
        assertThat(fs.excludeFsTypes()).isEqualTo(new FsTypeFilter(List.of("tmpfs", "overlay"), "strict"));
        assertThat(fs.includeDevices()).isEqualTo(new DeviceFilter(List.of("/dev/sda1"), "strict"));
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {filesystem: {include_devices: {fs_types: [x]}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::filesystem::include_devices")
                .hasMessageContaining("fs_types");
    }

    @Test
    void upstreamsProcessConfigBinds() {
        // upstream's testdata/config.yaml process section, then every key its README documents
        assertThat(bind("host_metrics", "scrapers: {process: {include: {names: [\"test2\", \"test3\"], "
                + "match_type: \"regexp\"}}}").scrapers().process()).isEqualTo(new ProcessSettings(
                        new ProcessNameFilter(List.of("test2", "test3"), "regexp"), null, false, false, false, false,
                        false, false, null, null, null));
        HostMetricsConfig c = bind("hostmetrics", """
                scrapers:
                  process:
                    exclude:
                      names: [bash, sshd]
                      match_type: strict
                    mute_process_all_errors: false
                    mute_process_name_error: true
                    mute_process_exe_error: true
                    mute_process_io_error: true
                    mute_process_user_error: true
                    mute_process_cgroup_error: true
                    scrape_process_delay: 1m30s
                    metrics:
                      process.threads:
                        enabled: true
                      process.cpu.time:
                        attributes: [state]
                    resource_attributes:
                      process.cgroup:
                        enabled: true
                      process.command_line:
                        enabled: false
                """);

        assertThat(c.scrapers().process()).isEqualTo(new ProcessSettings(null, new ProcessNameFilter(List.of("bash", "sshd"), "strict"), false,
                true, true, true, true, true, Duration.ofSeconds(90),
                Map.of("process.threads", new MetricSettings(true, null, null), "process.cpu.time",
                        new MetricSettings(null, null, List.of("state"))),
                Map.of("process.cgroup", new ResourceAttributeSettings(true), "process.command_line",
                        new ResourceAttributeSettings(false))));
        assertThat(bind("hostmetrics", "scrapers: {process:}").scrapers().process())
                .isEqualTo(ProcessSettings.defaults());
    }

    @Test
    void processMistakesNameTheirPath() {
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {process: {include: {names: [java]}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::include::match_type: error creating "
                        + "process include filters: unrecognized match_type: ''");
        assertThatThrownBy(() -> bind("hostmetrics",
                "scrapers: {process: {exclude: {names: [\"(\"], match_type: regexp}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::exclude::names: error creating "
                        + "process exclude filters: error parsing regexp");
        assertThatThrownBy(() -> bind("hostmetrics",
                "scrapers: {process: {resource_attributes: {process.uid: {enabled: true}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::resource_attributes: has invalid "
                        + "keys: process.uid");
        assertThatThrownBy(() -> bind("hostmetrics",
                "scrapers: {process: {metrics: {system.cpu.time: {enabled: true}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::metrics: has invalid keys: "
                        + "system.cpu.time");
        assertThatThrownBy(() -> bind("hostmetrics",
                "scrapers: {process: {metrics: {process.cpu.time@v1: {enabled: true}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::metrics::process.cpu.time@v1: is not "
                        + "supported by this distribution yet");
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {process: {resource_attributes: "
                + "{process.pid: {metrics_include: [{strict: x}]}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::process::resource_attributes::process.pid::"
                        + "metrics_include: is not supported by this distribution yet");
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {process: {mute_process_everything: true}}"))
                .hasMessageContaining("mute_process_everything");
    }

    @ParameterizedTest
    @CsvSource({"nfs"})
    void upstreamScrapersNotImplementedYetAreRejectedAsSuch(String scraper) {
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {cpu: {}, " + scraper + ": {}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::" + scraper
                        + ": is not supported by this distribution yet");
    }

    @Test
    void mistakesNameTheirPath() {
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {cpuu: {}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers").hasMessageContaining("cpuu");
        assertThatThrownBy(() -> bind("hostmetrics", "collection_interval: 30s"))
                .hasMessageContaining("must specify at least one scraper when using host_metrics receiver");
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {memory: {metrics: {system.cpu.time: {enabled: true}}}}"))
                .hasMessageContaining("receivers::hostmetrics::scrapers::memory::metrics: has invalid keys: system.cpu.time");
        assertThatThrownBy(() -> bind("hostmetrics", "scrapers: {cpu: {metrics: {system.cpu.time: {enabeld: true}}}}"))
                .hasMessageContaining("enabeld");
        assertThatThrownBy(() -> bind("hostmetrics", "collection_interval: 0s\nscrapers: {cpu: {}}"))
                .hasMessageContaining("receivers::hostmetrics::collection_interval: requires positive value");
        assertThatThrownBy(() -> bind("hostmetrics", "timeout: 5s\nscrapers: {cpu: {}}"))
                .hasMessageContaining("receivers::hostmetrics::timeout: is not supported by this distribution yet");
    }

    private HostMetricsConfig bind(String type, String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "receivers:\n  " + type + ":\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get(type);
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", type), new HostMetricsReceiverFactory(), raw);
    }
}
