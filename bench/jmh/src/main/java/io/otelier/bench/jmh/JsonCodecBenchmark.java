package io.otelier.bench.jmh;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.otelier.pdata.Telemetry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OTLP/JSON: our codec against protobuf-java-util's {@link JsonFormat} on the generated classes. JsonFormat's
 * output is not OTLP/JSON (ids in base64, enum names), so this compares cost, not bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class JsonCodecBenchmark {

    @Param({"traces-loadgen", "traces-mixed", "metrics-mixed", "logs-mixed"})
    public String shape;

    private Codecs codecs;
    private byte[] ours;
    private Telemetry decoded;
    private String theirs;
    private Message parsed;
    private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    private final JsonFormat.Parser parser = JsonFormat.parser();

    @Setup
    public void setUp() throws Exception {
        Telemetry data = Shapes.byId(shape).make();
        codecs = Codecs.of(data);
        ours = codecs.encodeJson(data);
        decoded = codecs.decodeJson(ours);
        parsed = codecs.parseGenerated(codecs.encodeProto(data));
        theirs = printer.print(parsed);
        System.err.printf("%n[shape %s: %d bytes of our JSON, %d of JsonFormat's, %d items]%n", shape, ours.length,
                theirs.length(), data.itemCount());
    }

    @Benchmark
    public Telemetry oursDecode() throws Exception {
        return codecs.decodeJson(ours);
    }

    @Benchmark
    public Message generatedDecode() throws Exception {
        Message.Builder builder = codecs.newGeneratedBuilder();
        parser.merge(theirs, builder);
        return builder.build();
    }

    @Benchmark
    public byte[] oursEncode() {
        return codecs.encodeJson(decoded);
    }

    @Benchmark
    public byte[] generatedEncode() throws Exception {
        return printer.print(parsed).getBytes(StandardCharsets.UTF_8);
    }
}
