package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the host metrics receiver (upstream hostmetricsreceiver.Config with scraperhelper's
 * ControllerConfig squashed in). A scraper runs when its key is present under {@code scrapers}.
 */
public record HostMetricsConfig(Duration collectionInterval, Duration initialDelay, String rootPath,
        Duration metadataCollectionInterval, Scrapers scrapers) implements ComponentConfig {

    static final Duration DEFAULT_COLLECTION_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    static final Duration DEFAULT_METADATA_COLLECTION_INTERVAL = Duration.ofMinutes(5);

    /** The scrapers this distribution implements; upstream's others are listed as unsupported keys. */
    public record Scrapers(ScraperSettings cpu, DiskSettings disk, FilesystemSettings filesystem, LoadSettings load,
            ScraperSettings memory, NetworkSettings network, ScraperSettings paging, ProcessSettings process,
            ScraperSettings processes, ScraperSettings system) {

        /** Only the cpu scraper, at its defaults. */
        static Scrapers cpuOnly() {
            return new Scrapers(ScraperSettings.defaults(), null, null, null, null, null, null, null, null, null);
        }

        /** The scrapers present in the config, by key, alphabetically. */
        Map<String, ScraperConfig> configured() {
            Map<String, ScraperConfig> out = new LinkedHashMap<>();
            String[] names = {"cpu", "disk", "filesystem", "load", "memory", "network", "paging", "process",
                "processes", "system"};
            ScraperConfig[] configs = {cpu, disk, filesystem, load, memory, network, paging, process, processes,
                system};
            for (int i = 0; i < names.length; i++) {
                if (configs[i] != null) {
                    out.put(names[i], configs[i]);
                }
            }
            return out;
        }
    }

    static HostMetricsConfig defaults() {
        return new HostMetricsConfig(DEFAULT_COLLECTION_INTERVAL, DEFAULT_INITIAL_DELAY, "",
                DEFAULT_METADATA_COLLECTION_INTERVAL,
                new Scrapers(null, null, null, null, null, null, null, null, null, null));
    }

    @Override
    public void validate() {
        if (collectionInterval == null || collectionInterval.isNegative() || collectionInterval.isZero()) {
            throw ConfigException.at("collection_interval", "requires positive value");
        }
        if (metadataCollectionInterval != null && metadataCollectionInterval.isNegative()) {
            throw ConfigException.at("metadata_collection_interval",
                    "metadata_collection_interval must not be negative");
        }
        if (rootPath != null && !rootPath.isEmpty() && !rootPath.equals("/") && !Files.exists(Path.of(rootPath))) {
            throw ConfigException.at("root_path",
                    "invalid root_path: stat " + rootPath + ": no such file or directory");
        }
        if (scrapers == null || scrapers.configured().isEmpty()) {
            throw ConfigException.of("must specify at least one scraper when using host_metrics receiver");
        }
        scrapers.configured().forEach((name, config) -> {
            try {
                config.validateOptions();
                catalog(name).validate(config.metrics());
            } catch (ConfigException e) {
                throw e.under("scrapers", name);
            }
        });
    }

    /** The configured scrapers with their metric builders, alphabetically (upstream runs them in map order). */
    List<ScraperWithBuilder> createScrapers() {
        ProcFs proc = new ProcFs(rootPath);
        List<ScraperWithBuilder> out = new ArrayList<>();
        scrapers.configured().forEach((name, config) -> out.add(new ScraperWithBuilder(create(name, config, proc),
                new MetricsBuilder(catalog(name), config.metrics()))));
        return out;
    }

    private Scraper create(String name, ScraperConfig config, ProcFs proc) {
        return switch (name) {
            case "cpu" -> new CpuScraper(proc);
            case "disk" -> new DiskScraper(proc, ((DiskSettings) config).deviceFilter());
            case "filesystem" -> new FilesystemScraper(proc, rootPath, null, (FilesystemSettings) config);
            case "load" -> new LoadScraper(proc, ((LoadSettings) config).cpuAverage());
            case "memory" -> new MemoryScraper(proc);
            case "network" -> new NetworkScraper(proc, ((NetworkSettings) config).interfaceFilter());
            case "paging" -> new PagingScraper(proc, PagingScraper.SWAPS);
            case "process" -> new ProcessScraper(proc, (ProcessSettings) config, ProcessScraper.PASSWD);
            case "processes" -> new ProcessesScraper(proc);
            case "system" -> new SystemScraper(proc);
            default -> throw new IllegalArgumentException("no scraper " + name);
        };
    }

    private static MetricCatalog catalog(String name) {
        return switch (name) {
            case "cpu" -> CpuScraper.CATALOG;
            case "disk" -> DiskScraper.CATALOG;
            case "filesystem" -> FilesystemScraper.CATALOG;
            case "load" -> LoadScraper.CATALOG;
            case "memory" -> MemoryScraper.CATALOG;
            case "network" -> NetworkScraper.CATALOG;
            case "paging" -> PagingScraper.CATALOG;
            case "process" -> ProcessScraper.CATALOG;
            case "processes" -> ProcessesScraper.CATALOG;
            case "system" -> SystemScraper.CATALOG;
            default -> throw new IllegalArgumentException("no scraper " + name);
        };
    }

    record ScraperWithBuilder(Scraper scraper, MetricsBuilder builder) {
    }
}
