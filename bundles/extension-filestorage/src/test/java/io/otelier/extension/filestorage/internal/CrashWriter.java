package io.otelier.extension.filestorage.internal;

import static io.otelier.api.storage.StorageOperation.delete;
import static io.otelier.api.storage.StorageOperation.set;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageOperation;
import io.otelier.testkit.RecordingLogger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The child process of {@link CrashTest}: writes batches through the extension and prints
 * {@code ack <i>} after each returns, until it is killed. Each batch i sets {@code k<i>} and {@code last}, rewrites
 * {@code blob} (dead space, so the store compacts itself now and then), and every tenth batch deletes
 * {@code k<i-5>}.
 */
public final class CrashWriter {

    static final String CLIENT_TYPE = "file_log";

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        String directory = args[0];
        long start = Long.parseLong(args[1]);
        boolean fsync = Boolean.parseBoolean(args[2]);
        FileStorageConfig config = new FileStorageConfig(directory, Duration.ofSeconds(10), 0,
                FileStorageConfig.Compaction.defaults(), fsync, false, "0750", false);
        FileStorage storage = new FileStorage(config, new RecordingLogger());
        StorageClient client = storage.client(ComponentKind.RECEIVER, ComponentId.of(CLIENT_TYPE), "");
        for (long i = start; ; i++) {
            List<StorageOperation> batch = new ArrayList<>(List.of(set("k" + i, value(i)), set("last", value(i)),
                    set("blob", blob(i))));
            if (deletes(i)) {
                batch.add(delete("k" + (i - 5)));
            }
            client.batch(batch);
            System.out.println("ack " + i);
            System.out.flush();
        }
    }

    static boolean deletes(long i) {
        return i % 10 == 0;
    }

    static byte[] value(long i) {
        return ("value of " + i + " " + "x".repeat((int) (i % 300))).getBytes(StandardCharsets.UTF_8);
    }

    /** Mostly 32 KiB; every seventh 2 MiB, a write long enough for a kill to land inside it. */
    static byte[] blob(long i) {
        byte[] b = new byte[i % 7 == 0 ? 2 * 1024 * 1024 : 32 * 1024];
        Arrays.fill(b, (byte) i);
        ByteBuffer.wrap(b).putLong(i);
        return b;
    }
}
