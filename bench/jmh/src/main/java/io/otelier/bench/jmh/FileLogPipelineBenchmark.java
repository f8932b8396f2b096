package io.otelier.bench.jmh;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.EntryConverter;
import io.otelier.pdata.Logs;
import io.otelier.pdata.otlp.OtlpJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java half of bench/run.py's filelog scenario, per batch of 100 lines as the file consumer emits them: lines
 * to stanza entries (with the file's shared attribute map, no operators), entries to pdata (EntryConverter), and
 * pdata to the file exporter's OTLP/JSON. Reading, splitting and writing the files are not in it. Forked with the
 * launcher's C1-only JIT, as the collector runs; {@code -jvmArgsAppend -XX:TieredStopAtLevel=4} measures C2.
 * {@code bench/jmh/run.sh FileLogPipeline -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1"})
public class FileLogPipelineBenchmark {

    private static final String SCOPE =
            "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver";
    private static final int BATCH = 100;

    private final Map<String, Object> fileAttributes = Map.copyOf(Map.of("log.file.name", "filelog-input.log"));
    private final byte[][] lines = new byte[BATCH][];
    private List<Entry> entries;
    private Logs logs;

    @Setup
    public void setUp() {
        for (int i = 0; i < BATCH; i++) {
            // the lines bench/run.py writes: 99 characters and a newline
            lines[i] = String.format("2026-11-26T10:00:00.000Z INFO request %012d served in 12ms user=alice "
                    + "path=/api/v1/items ok", i).getBytes(StandardCharsets.US_ASCII);
        }
        entries = entries();
        logs = EntryConverter.convert(entries, SCOPE, "bench");
    }

    @Benchmark
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(BATCH);
        for (byte[] line : lines) {
            out.add(new Entry(new String(line, StandardCharsets.ISO_8859_1)).setAttributes(fileAttributes));
        }
        return out;
    }

    @Benchmark
    public Logs convert() {
        return EntryConverter.convert(entries, SCOPE, "bench");
    }

    @Benchmark
    public byte[] encodeJson() {
        return OtlpJson.encode(logs);
    }

    @Benchmark
    public byte[] wholeBatch() {
        return OtlpJson.encode(EntryConverter.convert(entries(), SCOPE, "bench"));
    }
}
