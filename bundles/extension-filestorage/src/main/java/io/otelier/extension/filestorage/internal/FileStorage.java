package io.otelier.extension.filestorage.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Host;
import io.otelier.api.extension.Extension;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageExtension;
import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The file_storage extension: one {@link LogStore} file per component key space in {@code directory}. Clients of
 * the same key space share the open store. Shutdown closes every store still open, so a reloaded collector can
 * open them again.
 */
final class FileStorage implements Extension, StorageExtension {

    private final FileStorageConfig config;
    private final Logger log;
    private final LogStore.Options options;
    private final Path directory;
    private final Path compactionDirectory;
    private final Map<Path, Shared> stores = new HashMap<>(); // guarded by this
    private boolean shutDown; // guarded by this
    private ScheduledExecutorService reboundChecks;

    /** A store and how many clients hold it. */
    private static final class Shared {
        final LogStore store;
        int clients;

        Shared(LogStore store) {
            this.store = store;
        }
    }

    /** Creates the directories when asked to, as upstream does when the extension is created. */
    FileStorage(FileStorageConfig config, Logger log) throws IOException {
        this.config = config;
        this.log = log;
        this.directory = Path.of(config.directory());
        this.compactionDirectory = Path.of(config.compaction().directory());
        this.options = new LogStore.Options(config.fsync(), config.timeout(), config.maxSize(),
                config.compaction().maxTransactionSize(), config.recreate());
        if (config.createDirectory()) {
            int mode = config.parseDirectoryPermissions();
            createDirectory(directory, mode);
            if (config.compaction().enabled()) {
                createDirectory(compactionDirectory, mode);
            }
        }
    }

    @Override
    public void start(Host host) throws IOException {
        FileStorageConfig.Compaction compaction = config.compaction();
        if (compaction.cleanupOnStart()) {
            cleanup();
        }
        if (compaction.onRebound()) {
            reboundChecks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "file_storage-compaction-check");
                t.setDaemon(true);
                return t;
            });
            long every = compaction.checkInterval().toNanos();
            reboundChecks.scheduleWithFixedDelay(this::checkRebound, every, every, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void shutdown() throws Exception {
        if (reboundChecks != null) {
            // no interrupt: an interrupt during file I/O would close the store's channel under it
            reboundChecks.shutdown();
            reboundChecks.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<LogStore> open;
        synchronized (this) {
            shutDown = true;
            open = new ArrayList<>();
            stores.values().forEach(s -> open.add(s.store));
            stores.clear();
        }
        IOException failure = null;
        for (LogStore store : open) {
            try {
                store.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public StorageClient client(ComponentKind kind, ComponentId id, String name) throws IOException {
        String rawName = StoreNames.rawName(kind, id, name);
        Path file = directory.resolve(rawName);
        if (StoreNames.tooLong(rawName)) {
            Path hashed = directory.resolve(StoreNames.hashed(rawName));
            log.warn("filename too long, using hashed filename instead", "originalFile", file.toString(),
                    "component", rawName, "hashedFileName", hashed.toString());
            file = hashed;
        }
        synchronized (this) {
            if (shutDown) {
                throw new IOException("the file_storage extension has been shut down");
            }
            Shared shared = stores.get(file);
            if (shared == null) {
                shared = new Shared(LogStore.open(file, options, log));
                stores.put(file, shared);
                if (config.compaction().enabled()) {
                    shared.store.removeLeftovers(compactionDirectory);
                }
                if (config.compaction().onStart()) {
                    compact(shared.store, "on_start");
                }
            }
            shared.clients++;
            return new StoreClient(shared.store, this::release);
        }
    }

    private synchronized void release(LogStore store) throws IOException {
        Shared shared = stores.get(store.path());
        if (shared == null || shared.store != store) {
            return; // closed by shutdown already
        }
        if (--shared.clients == 0) {
            stores.remove(store.path());
            store.close();
        }
    }

    private void checkRebound() {
        long needed = config.compaction().reboundNeededThresholdMib() * FileStorageConfig.ONE_MIB;
        long trigger = config.compaction().reboundTriggerThresholdMib() * FileStorageConfig.ONE_MIB;
        for (LogStore store : openStores()) {
            if (store.reboundDue(needed, trigger)) {
                compact(store, "on_rebound");
            }
        }
    }

    /** A configured compaction: failures are logged, the store stays usable as it was. */
    private void compact(LogStore store, String trigger) {
        long start = System.nanoTime();
        try {
            if (store.compact(compactionDirectory)) {
                log.info("finished compaction", "directory", store.path().toString(), "trigger", trigger,
                        "elapsed", Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (IOException e) {
            log.error(trigger.equals("on_start") ? "compaction on start failed" : "compaction failure", e,
                    "directory", compactionDirectory.toString(), "file", store.path().toString());
        }
    }

    synchronized List<LogStore> openStores() {
        List<LogStore> open = new ArrayList<>();
        stores.values().forEach(s -> open.add(s.store));
        return open;
    }

    /**
     * Removes the temporary files killed compactions left: upstream's cleanup of the compaction directory, and of
     * the store directory too, where stores compact themselves.
     */
    private void cleanup() {
        cleanup(compactionDirectory);
        if (!directory.toAbsolutePath().normalize().equals(compactionDirectory.toAbsolutePath().normalize())) {
            cleanup(directory);
        }
    }

    private void cleanup(Path dir) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, StoreFiles.TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                try {
                    Files.delete(temp);
                    log.debug("cleanup", "deletedFile", temp.toString());
                } catch (IOException e) {
                    log.info("cleanup errors", "error", e.toString());
                }
            }
        } catch (IOException e) {
            log.info("cleanup error listing temporary files", "error", e.toString());
        }
    }

    /** Like Go's MkdirAll: the mode applies to every directory created, minus the umask. */
    private static void createDirectory(Path dir, int mode) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    PosixModes.toString(mode))));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException notADirectory) {
            throw new IOException(dir + " is not a directory", notADirectory);
        }
    }
}
