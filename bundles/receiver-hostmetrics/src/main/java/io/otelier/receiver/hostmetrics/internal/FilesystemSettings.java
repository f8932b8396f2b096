package io.otelier.receiver.hostmetrics.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Settings of the filesystem scraper (upstream filesystemscraper.Config). */
public record FilesystemSettings(boolean includeVirtualFilesystems, DeviceFilter includeDevices,
        DeviceFilter excludeDevices, FsTypeFilter includeFsTypes, FsTypeFilter excludeFsTypes,
        MountPointFilter includeMountPoints, MountPointFilter excludeMountPoints, Map<String, MetricSettings> metrics)
        implements ScraperConfig {

    public FilesystemSettings {
        includeDevices = includeDevices == null ? DeviceFilter.none() : includeDevices;
        excludeDevices = excludeDevices == null ? DeviceFilter.none() : excludeDevices;
        includeFsTypes = includeFsTypes == null ? new FsTypeFilter(List.of(), null) : includeFsTypes;
        excludeFsTypes = excludeFsTypes == null ? new FsTypeFilter(List.of(), null) : excludeFsTypes;
        includeMountPoints = includeMountPoints == null ? new MountPointFilter(List.of(), null) : includeMountPoints;
        excludeMountPoints = excludeMountPoints == null ? new MountPointFilter(List.of(), null) : excludeMountPoints;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static FilesystemSettings defaults() {
        return new FilesystemSettings(false, null, null, null, null, null, null, Map.of());
    }

    /** Upstream's createFilter checks, run when the scraper is created. */
    @Override
    public void validateOptions() {
        check(includeDevices.devices(), includeDevices.matchType(), "include_devices", "devices");
        check(excludeDevices.devices(), excludeDevices.matchType(), "exclude_devices", "devices");
        check(includeFsTypes.fsTypes(), includeFsTypes.matchType(), "include_fs_types", "fs_types");
        check(excludeFsTypes.fsTypes(), excludeFsTypes.matchType(), "exclude_fs_types", "fs_types");
        check(includeMountPoints.mountPoints(), includeMountPoints.matchType(), "include_mount_points", "mount_points");
        check(excludeMountPoints.mountPoints(), excludeMountPoints.matchType(), "exclude_mount_points", "mount_points");
    }

    private static void check(List<String> names, String matchType, String field, String key) {
        NameFilter.validate(names, matchType, field, key, "error creating " + field + " filter: ");
    }

    Predicate<String> devices() {
        return NameFilter.includeExclude(includeDevices.devices(), includeDevices.matchType(),
                excludeDevices.devices(), excludeDevices.matchType());
    }

    Predicate<String> fsTypes() {
        return NameFilter.includeExclude(includeFsTypes.fsTypes(), includeFsTypes.matchType(),
                excludeFsTypes.fsTypes(), excludeFsTypes.matchType());
    }

    Predicate<String> mountPoints() {
        return NameFilter.includeExclude(includeMountPoints.mountPoints(), includeMountPoints.matchType(),
                excludeMountPoints.mountPoints(), excludeMountPoints.matchType());
    }
}
