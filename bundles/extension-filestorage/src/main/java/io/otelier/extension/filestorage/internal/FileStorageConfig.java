package io.otelier.extension.filestorage.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.api.config.Permissions;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * extensions::file_storage (upstream extension/storage/filestorage v0.165.1). Like upstream, validation looks at
 * the file system: the directories must exist (or be creatable) when the config is loaded.
 *
 * @param directory            where the per-component store files live
 * @param timeout              how long to wait for a store's lock (another collector, or a busy store); zero waits
 *                             without limit, as bbolt's timeout does
 * @param maxSize              the largest a store file may grow, in bytes; 0 means unlimited. A write that would
 *                             need more (after compacting away dead records) fails with "out of space"
 * @param compaction           when stores are rewritten without their dead records
 * @param fsync                force every write to disk before the call returns (otherwise a write survives a
 *                             killed process but not a power loss)
 * @param createDirectory      create {@code directory} (and the compaction directory when compaction is on)
 * @param directoryPermissions octal mode for created directories; only read with createDirectory
 * @param recreate             a store file that is not readable (corrupted, or not ours) is renamed to
 *                             {@code <file>.<timestamp>.backup} and a fresh store is created instead of failing
 */
public record FileStorageConfig(String directory, Duration timeout, long maxSize, Compaction compaction,
        boolean fsync, boolean createDirectory, String directoryPermissions, boolean recreate)
        implements ComponentConfig {

    /** Upstream's default on every OS but Windows. */
    public static final String DEFAULT_DIRECTORY = "/var/lib/otelcol/file_storage";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    public static final String DEFAULT_DIRECTORY_PERMISSIONS = "0750";
    static final long ONE_MIB = 1024 * 1024;

    public FileStorageConfig {
        directory = directory == null ? "" : directory;
        timeout = timeout == null ? Duration.ZERO : timeout;
        compaction = compaction == null ? Compaction.defaults() : compaction;
        directoryPermissions = directoryPermissions == null ? "" : directoryPermissions;
    }

    public static FileStorageConfig defaults() {
        return new FileStorageConfig(defaultDirectory(), DEFAULT_TIMEOUT, 0, Compaction.defaults(), false, false,
                DEFAULT_DIRECTORY_PERMISSIONS, false);
    }

    /** Upstream: %ProgramData%\Otelcol\FileStorage on Windows, /var/lib/otelcol/file_storage elsewhere. */
    static String defaultDirectory() {
        String programData = System.getenv("ProgramData");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return windows && programData != null ? Path.of(programData, "Otelcol", "FileStorage").toString()
                : DEFAULT_DIRECTORY;
    }

    /**
     * Rewriting store files without their dead records. Besides these settings, a store always compacts itself
     * once its dead records outweigh its live ones (the log's counterpart of bbolt reusing free pages).
     *
     * @param directory                  where the rewritten file is made before it replaces the store
     * @param onStart                    compact each store when its first client opens it
     * @param onRebound                  compact while running, when a store grew past
     *                                   {@code reboundNeededThresholdMib} and its live data shrank below
     *                                   {@code reboundTriggerThresholdMib}
     * @param reboundNeededThresholdMib  file size (MiB) that marks a store as needing compaction
     * @param reboundTriggerThresholdMib live data size (MiB) under which a marked store is compacted
     * @param maxTransactionSize         bytes of entries per record of the rewritten file; 0: no limit
     * @param checkInterval              how often the rebound conditions are checked
     * @param cleanupOnStart             remove leftover {@code tempdb*} files of killed compactions at start, from
     *                                   the compaction directory and the store directory
     */
    public record Compaction(String directory, boolean onStart, boolean onRebound, long reboundNeededThresholdMib,
            long reboundTriggerThresholdMib, long maxTransactionSize, Duration checkInterval,
            boolean cleanupOnStart) {

        /** bbolt's own default, kept by upstream. */
        public static final long DEFAULT_MAX_TRANSACTION_SIZE = 65536;
        public static final long DEFAULT_REBOUND_TRIGGER_THRESHOLD_MIB = 10;
        public static final long DEFAULT_REBOUND_NEEDED_THRESHOLD_MIB = 100;
        public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

        public Compaction {
            directory = directory == null ? "" : directory;
            checkInterval = checkInterval == null ? Duration.ZERO : checkInterval;
        }

        public static Compaction defaults() {
            return new Compaction(defaultDirectory(), false, false, DEFAULT_REBOUND_NEEDED_THRESHOLD_MIB,
                    DEFAULT_REBOUND_TRIGGER_THRESHOLD_MIB, DEFAULT_MAX_TRANSACTION_SIZE, DEFAULT_CHECK_INTERVAL, false);
        }

        boolean enabled() {
            return onStart || onRebound;
        }
    }

    @Override
    public void validate() throws ConfigException {
        checkDirectory("directory", directory);
        if (compaction.enabled()) {
            checkDirectory("compaction::directory", compaction.directory);
        }
        if (compaction.maxTransactionSize < 0) {
            throw ConfigException.at("compaction::max_transaction_size",
                    "max transaction size for compaction cannot be less than 0");
        }
        if (maxSize < 0) {
            throw ConfigException.at("max_size", "max size cannot be less than 0");
        }
        if (maxSize > 0 && compaction.onRebound) {
            if (compaction.reboundNeededThresholdMib * ONE_MIB > maxSize) {
                throw ConfigException.at("compaction::rebound_needed_threshold_mib",
                        "compaction rebound needed threshold cannot be greater than max size");
            }
            if (compaction.reboundTriggerThresholdMib * ONE_MIB > maxSize) {
                throw ConfigException.at("compaction::rebound_trigger_threshold_mib",
                        "compaction rebound trigger threshold cannot be greater than max size");
            }
        }
        if (compaction.onRebound && (compaction.checkInterval.isNegative() || compaction.checkInterval.isZero())) {
            throw ConfigException.at("compaction::check_interval",
                    "compaction check interval must be positive when rebound compaction is set");
        }
        if (timeout.isNegative()) {
            throw ConfigException.at("timeout", "timeout must not be negative (got " + timeout + ")");
        }
        if (createDirectory) {
            parseDirectoryPermissions();
        }
    }

    /** Upstream's stat checks, plus writability, which upstream only finds out when a component opens a store. */
    private void checkDirectory(String field, String dir) throws ConfigException {
        if (dir.isEmpty()) { // Go's stat of "" fails where Java's Path.of("") would mean the working directory
            throw ConfigException.at(field, "directory must exist: stat : no such file or directory. You can enable"
                    + " the create_directory option to automatically create it");
        }
        Path path = Path.of(dir);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (createDirectory) {
                return;
            }
            throw ConfigException.at(field, "directory must exist: stat " + dir
                    + ": no such file or directory. You can enable the create_directory option to automatically"
                    + " create it");
        } catch (AccessDeniedException e) {
            throw ConfigException.at(field, "problem accessing configured directory: " + dir + ", err: stat " + dir
                    + ": permission denied");
        } catch (IOException e) {
            throw ConfigException.at(field, "problem accessing configured directory: " + dir + ", err: " + e);
        }
        if (!attributes.isDirectory()) {
            throw ConfigException.at(field, dir + " is not a directory");
        }
        if (!Files.isWritable(path)) {
            throw ConfigException.at(field, dir + " is not writable");
        }
    }

    /** The mode bits for directories created at start. */
    int parseDirectoryPermissions() throws ConfigException {
        return Permissions.parseOctal("directory_permissions", directoryPermissions);
    }
}
