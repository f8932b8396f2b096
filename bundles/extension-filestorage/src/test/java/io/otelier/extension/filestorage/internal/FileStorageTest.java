package io.otelier.extension.filestorage.internal;

import static io.otelier.api.storage.StorageOperation.delete;
import static io.otelier.api.storage.StorageOperation.set;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.extension.Extension;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageExtension;
import io.otelier.api.storage.StorageOperation;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import io.otelier.testkit.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension as components use it: through the factory, the host and the storage API. */
class FileStorageTest {

    private static final ComponentId FILELOG = ComponentId.of("file_log");

    @TempDir
    Path dir;

    private final TestSettings settings = TestSettings.of(ComponentKind.EXTENSION, "file_storage");
    private final FileStorageFactory factory = new FileStorageFactory();

    private FileStorageConfig config(boolean onStart, boolean onRebound, long neededMib, Duration interval,
            boolean cleanupOnStart) {
        return new FileStorageConfig(dir.toString(), Duration.ofSeconds(1), 0,
                new FileStorageConfig.Compaction(dir.toString(), onStart, onRebound, neededMib, 10, 65536, interval,
                        cleanupOnStart),
                true, false, "0750", false);
    }

    private FileStorageConfig plain() {
        return config(false, false, 100, Duration.ofSeconds(5), false);
    }

    @Test
    void lifecycleCreateStartClientShutdownLeavesNoThreads() throws Exception {
        FileStorageConfig config = config(true, true, 1, Duration.ofMillis(20), true);
        config.validate();
        Threads.assertNoneLeftBy(() -> {
            Extension extension = factory.create(settings.settings, config);
            extension.start(new TestHost());
            StorageExtension storage = (StorageExtension) extension;
            try (StorageClient client = storage.client(ComponentKind.RECEIVER, FILELOG, "")) {
                client.set("checkpoint", "offset=10".getBytes(UTF_8));
                assertThat(client.get("checkpoint")).isEqualTo("offset=10".getBytes(UTF_8));
            }
            StorageClient leftOpen = storage.client(ComponentKind.EXPORTER, ComponentId.of("otlp_grpc", "a"), "q");
            leftOpen.set("item", new byte[10]);
            extension.shutdown();
            assertThatThrownBy(() -> leftOpen.get("item")).hasMessageContaining("closed");
        });
        assertThat(Files.exists(dir.resolve("receiver_file_log_"))).isTrue();
        assertThat(Files.exists(dir.resolve("exporter_otlp_grpc_a_q"))).isTrue();
    }

    @Test
    void componentsFindItThroughTheHostAndTheirDataSurvivesARestart() throws Exception {
        Extension first = factory.create(settings.settings, plain());
        first.start(new TestHost());
        TestHost host = new TestHost().with(ComponentId.of("file_storage"), first);
        StorageExtension found = host.extension(ComponentId.of("file_storage"), StorageExtension.class).orElseThrow();
        try (StorageClient client = found.client(ComponentKind.RECEIVER, FILELOG, "")) {
            client.batch(List.of(set("a", "1".getBytes(UTF_8)), set("b", "2".getBytes(UTF_8))));
            client.delete("a");
        }
        first.shutdown();

        Extension second = factory.create(settings.settings, plain());
        second.start(new TestHost());
        try (StorageClient client = ((StorageExtension) second).client(ComponentKind.RECEIVER, FILELOG, "")) {
            assertThat(client.get("a")).isNull();
            assertThat(client.get("b")).isEqualTo("2".getBytes(UTF_8));
        } finally {
            second.shutdown();
        }
    }

    @Test
    void keySpacesAreSeparateAndClientsOfOneShareItsStore() throws Exception {
        FileStorage storage = (FileStorage) factory.create(settings.settings, plain());
        storage.start(new TestHost());
        try {
            StorageClient main = storage.client(ComponentKind.RECEIVER, FILELOG, "");
            StorageClient named = storage.client(ComponentKind.RECEIVER, FILELOG, "other");
            StorageClient again = storage.client(ComponentKind.RECEIVER, FILELOG, "");
            main.set("k", "main".getBytes(UTF_8));
            named.set("k", "named".getBytes(UTF_8));
            assertThat(again.get("k")).isEqualTo("main".getBytes(UTF_8));
            assertThat(storage.openStores()).hasSize(2);
            main.close();
            main.close();
            assertThatThrownBy(() -> main.get("k")).hasMessageContaining("closed");
            assertThat(again.get("k")).as("the other handle still works").isEqualTo("main".getBytes(UTF_8));
            again.close();
            named.close();
            assertThat(storage.openStores()).isEmpty();
        } finally {
            storage.shutdown();
        }
        assertThatThrownBy(() -> storage.client(ComponentKind.RECEIVER, FILELOG, ""))
                .hasMessageContaining("shut down");
    }

    @Test
    void reboundCompactionRunsInTheBackgroundWhenTheThresholdsSaySo() throws Exception {
        FileStorage storage = (FileStorage) factory.create(settings.settings,
                config(false, true, 1, Duration.ofMillis(20), false));
        storage.start(new TestHost());
        try (StorageClient queue = storage.client(ComponentKind.EXPORTER, ComponentId.of("otlp_grpc"), "queue")) {
            for (int i = 0; i < 30; i++) { // 1.5 MiB: past the 1 MiB needed threshold, under the 4 MiB self-compaction
                queue.set("item" + i, new byte[50 * 1024]);
            }
            // drained in one batch: a check between single deletes could compact a half-drained store, which
            // leaves it under the needed threshold, so rightly not compacted again
            List<StorageOperation> drain = new ArrayList<>();
            for (int i = 0; i < 29; i++) {
                drain.add(delete("item" + i));
            }
            queue.batch(drain);
            Path file = dir.resolve("exporter_otlp_grpc__queue");
            assertThat(Waiting.eventually(() -> file.toFile().length() < 60 * 1024
                    && settings.logger.contains("finished compaction"), Duration.ofSeconds(10)))
                    .as("compacted: %s", settings.logger.entries()).isTrue();
            assertThat(queue.get("item29")).hasSize(50 * 1024);
        } finally {
            storage.shutdown();
        }
    }

    @Test
    void onStartCompactionShrinksTheStoreWhenAComponentOpensIt() throws Exception {
        Path file = dir.resolve("receiver_file_log_");
        Extension first = factory.create(settings.settings, plain());
        try (StorageClient client = ((StorageExtension) first).client(ComponentKind.RECEIVER, FILELOG, "")) {
            for (int i = 0; i < 100; i++) {
                client.batch(List.of(set("checkpoint", new byte[1000]), delete("never")));
            }
        }
        first.shutdown();
        long before = Files.size(file);

        Extension second = factory.create(settings.settings, config(true, false, 100, Duration.ofSeconds(5), false));
        second.start(new TestHost());
        try (StorageClient client = ((StorageExtension) second).client(ComponentKind.RECEIVER, FILELOG, "")) {
            assertThat(Files.size(file)).isLessThan(before / 50);
            assertThat(client.get("checkpoint")).hasSize(1000);
        } finally {
            second.shutdown();
        }
    }

    @Test
    void cleanupOnStartRemovesLeftoverCompactionFilesOnly() throws Exception {
        Path compaction = Files.createDirectory(dir.resolve("compaction"));
        Path leftover = Files.createFile(compaction.resolve("tempdb12345"));
        Path selfCompactionLeftover = Files.createFile(dir.resolve("tempdb678"));
        Path store = Files.createFile(dir.resolve("receiver_x_"));
        Path unrelated = Files.createFile(compaction.resolve("notes.txt"));
        FileStorageConfig config = new FileStorageConfig(dir.toString(), Duration.ofSeconds(1), 0,
                new FileStorageConfig.Compaction(compaction.toString(), true, false, 100, 10, 0,
                        Duration.ofSeconds(5), true),
                false, false, "0750", false);
        Extension extension = factory.create(settings.settings, config);
        extension.start(new TestHost());
        extension.shutdown();
        assertThat(leftover).doesNotExist();
        assertThat(selfCompactionLeftover).doesNotExist();
        assertThat(store).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void createDirectoryMakesBothDirectoriesWithThePermissions() throws Exception {
        Path data = dir.resolve("data/nested");
        Path compaction = dir.resolve("compaction");
        FileStorageConfig config = new FileStorageConfig(data.toString(), Duration.ofSeconds(1), 0,
                new FileStorageConfig.Compaction(compaction.toString(), true, false, 100, 10, 0,
                        Duration.ofSeconds(5), false),
                false, true, "0700", false);
        config.validate();
        Extension extension = factory.create(settings.settings, config);
        assertThat(data).isDirectory();
        assertThat(compaction).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        extension.start(new TestHost());
        try (StorageClient client = ((StorageExtension) extension).client(ComponentKind.RECEIVER, FILELOG, "")) {
            client.set("k", new byte[] {1});
        }
        extension.shutdown();
        try (Stream<Path> files = Files.list(compaction)) {
            assertThat(files).as("compaction leaves no temporary file").isEmpty();
        }
    }

    @Test
    void aVeryLongComponentNameGetsAHashedFileName() throws Exception {
        FileStorage storage = (FileStorage) factory.create(settings.settings, plain());
        ComponentId id = ComponentId.of("file_log", "n".repeat(300));
        try (StorageClient client = storage.client(ComponentKind.RECEIVER, id, "")) {
            client.set("k", new byte[] {1});
        } finally {
            storage.shutdown();
        }
        String hashed = StoreNames.hashed(StoreNames.rawName(ComponentKind.RECEIVER, id, ""));
        assertThat(dir.resolve(hashed)).exists();
        assertThat(settings.logger.contains("filename too long, using hashed filename instead")).isTrue();
    }

    @Test
    void factoryDescribesUpstreamsComponent() {
        assertThat(factory.type()).isEqualTo("file_storage");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.stability().display()).isEqualTo("Beta");
        assertThat(factory.unsupportedKeys()).isEmpty();
        assertThat(factory.kind()).isEqualTo(ComponentKind.EXTENSION);
    }
}
