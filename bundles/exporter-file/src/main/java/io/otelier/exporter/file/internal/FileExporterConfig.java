package io.otelier.exporter.file.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.api.config.Permissions;
import java.time.Duration;

/**
 * exporters::file (upstream exporter/fileexporter v0.165.1). {@code encoding} and {@code compression_params} are
 * recognised but not implemented (see the factory's unsupported keys).
 *
 * @param path                 the file to write; relative to the working directory
 * @param append               true: append to an existing file; false: truncate it at start (without rotation)
 * @param rotation             null: no rotation; written (even empty): rotate by size with its defaults
 * @param format               json (OTLP/JSON, one object per line) or proto (length-prefixed OTLP protobuf)
 * @param compression          empty or zstd; each message is compressed and length-prefixed
 * @param flushInterval        how often buffered writes reach the file; zero means the default
 * @param createDirectory      create the parent directory of {@code path} at start
 * @param directoryPermissions octal mode for created directories, e.g. "0755"; needs createDirectory
 * @param groupBy              one file per value of a resource attribute, substituted for the {@code *} in path
 */
public record FileExporterConfig(String path, boolean append, Rotation rotation, String format, String compression,
        Duration flushInterval, boolean createDirectory, String directoryPermissions, GroupBy groupBy)
        implements ComponentConfig {

    public static final String FORMAT_JSON = "json";
    public static final String FORMAT_PROTO = "proto";
    public static final String COMPRESSION_ZSTD = "zstd";
    /** Upstream turns an unset (zero) flush_interval into one second. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_DIRECTORY_PERMISSIONS = 0755;

    public FileExporterConfig {
        path = path == null ? "" : path;
        format = format == null ? "" : format;
        compression = compression == null ? "" : compression;
        flushInterval = flushInterval == null ? Duration.ZERO : flushInterval;
        directoryPermissions = directoryPermissions == null ? "" : directoryPermissions;
    }

    public static FileExporterConfig defaults() {
        return new FileExporterConfig("", false, null, FORMAT_JSON, "", Duration.ZERO, false, "",
                GroupBy.defaults());
    }

    /** Writing to one file per value of a resource attribute. */
    public record GroupBy(boolean enabled, String resourceAttribute, int maxOpenFiles) {

        public static final String DEFAULT_RESOURCE_ATTRIBUTE = "fileexporter.path_segment";
        public static final int DEFAULT_MAX_OPEN_FILES = 100;

        public GroupBy {
            resourceAttribute = resourceAttribute == null ? "" : resourceAttribute;
        }

        public static GroupBy defaults() {
            return new GroupBy(false, DEFAULT_RESOURCE_ATTRIBUTE, DEFAULT_MAX_OPEN_FILES);
        }
    }

    /** Size-based rotation of the output file (upstream's timberjack settings). */
    public record Rotation(int maxMegabytes, int maxDays, int maxBackups, boolean localtime) {

        public static final int DEFAULT_MAX_MEGABYTES = 100;
        public static final int DEFAULT_MAX_BACKUPS = 100;

        public static Rotation defaults() {
            return new Rotation(0, 0, DEFAULT_MAX_BACKUPS, false);
        }

        /** The size limit in bytes; zero megabytes means the default. */
        long maxBytes() {
            return (maxMegabytes == 0 ? DEFAULT_MAX_MEGABYTES : maxMegabytes) * 1024L * 1024L;
        }
    }

    @Override
    public void validate() throws ConfigException {
        if (path.isEmpty()) {
            throw ConfigException.at("path", "path must be non-empty");
        }
        if (append && rotation != null) {
            throw ConfigException.at("append", "append and rotation enabled at the same time is not supported");
        }
        if (rotation != null && (rotation.maxMegabytes < 0 || rotation.maxDays < 0 || rotation.maxBackups < 0)) {
            throw ConfigException.at("rotation",
                    "rotation max_megabytes, max_days and max_backups must not be negative");
        }
        if (!format.equals(FORMAT_JSON) && !format.equals(FORMAT_PROTO)) {
            throw ConfigException.at("format", "format type \"" + format + "\" is not supported (valid: json, proto)");
        }
        if (!compression.isEmpty() && !compression.equals(COMPRESSION_ZSTD)) {
            throw ConfigException.at("compression",
                    "compression \"" + compression + "\" is not supported (valid: zstd)");
        }
        if (flushInterval.isNegative()) {
            throw ConfigException.at("flush_interval", "flush_interval must be larger than zero");
        }
        if (groupBy != null && groupBy.enabled) {
            validateGroupBy();
        }
        if (createDirectory) {
            parseDirectoryPermissions();
        } else if (!directoryPermissions.isEmpty()) {
            throw ConfigException.at("directory_permissions",
                    "directory_permissions requires create_directory to be true");
        }
    }

    private void validateGroupBy() throws ConfigException {
        String[] parts = path.split("\\*", -1);
        if (parts.length != 2) {
            throw ConfigException.at("path", "path must contain exactly one * when group_by is enabled (got \""
                    + path + "\")");
        }
        if (parts[0].isEmpty()) {
            throw ConfigException.at("path", "path must not start with * when group_by is enabled (got \""
                    + path + "\")");
        }
        if (groupBy.resourceAttribute.isEmpty()) {
            throw ConfigException.at("group_by::resource_attribute",
                    "resource_attribute must not be empty when group_by is enabled");
        }
        if (groupBy.maxOpenFiles <= 0) {
            throw ConfigException.at("group_by::max_open_files",
                    "max_open_files must be positive when group_by is enabled (got " + groupBy.maxOpenFiles + ")");
        }
    }

    Duration effectiveFlushInterval() {
        return flushInterval.isZero() ? DEFAULT_FLUSH_INTERVAL : flushInterval;
    }

    /** Each message needs a length prefix unless it is uncompressed JSON, which is newline-delimited. */
    boolean lengthPrefixed() {
        return format.equals(FORMAT_PROTO) || !compression.isEmpty();
    }

    /** The mode bits for directories created at start. */
    int parseDirectoryPermissions() throws ConfigException {
        if (directoryPermissions.isEmpty()) {
            return DEFAULT_DIRECTORY_PERMISSIONS;
        }
        return Permissions.parseOctal("directory_permissions", directoryPermissions);
    }
}
