package io.otelier.bench.jmh;

import com.google.protobuf.Message;
import io.otelier.pdata.Telemetry;

/**
 * A quick A/B of our protobuf codec against the generated classes for a machine that is not quiet: short rounds
 * of both sides alternate and each side keeps its best round, so a burst of load from other processes does not
 * decide the ratio (JMH runs one side after the other). Use JMH for absolute figures on a quiet machine.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) io.otelier.bench.jmh.QuickCompare [seconds] [shape…]</pre>
 */
public final class QuickCompare {

    private static final int ROUNDS = 20;
    private static long sink;

    private interface Work {
        void run() throws Exception;
    }

    private QuickCompare() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
        long roundNanos = (long) (seconds * 1e9 / ROUNDS);
        for (Shapes shape : Shapes.values()) {
            if (args.length > 1 && !java.util.Arrays.asList(args).subList(1, args.length).contains(shape.id)) {
                continue;
            }
            Telemetry data = shape.make();
            Codecs codecs = Codecs.of(data);
            byte[] bytes = codecs.encodeProto(data);
            Telemetry decoded = codecs.decodeProtoTree(bytes);
            Message parsed = codecs.parseGenerated(bytes);
            compare(shape.id + " decode+encode", bytes.length, data.itemCount(), roundNanos,
                    () -> sink += codecs.encodeProto(codecs.decodeProtoTree(bytes)).length,
                    () -> sink += codecs.parseGenerated(bytes).toByteArray().length);
            compare(shape.id + " pass-through (ours: check, keep, re-send)", bytes.length, data.itemCount(),
                    roundNanos, () -> sink += codecs.encodeProto(codecs.decodeProto(bytes)).length,
                    () -> sink += codecs.parseGenerated(bytes).toByteArray().length);
            compare(shape.id + " decode", bytes.length, data.itemCount(), roundNanos,
                    () -> sink += codecs.decodeProtoTree(bytes).itemCount(),
                    () -> sink += codecs.parseGenerated(bytes).getSerializedSize());
            compare(shape.id + " encode (generated: size memoized)", bytes.length, data.itemCount(), roundNanos,
                    () -> sink += codecs.encodeProto(decoded).length,
                    () -> sink += parsed.toByteArray().length);
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    private static void compare(String name, int bytes, int items, long roundNanos, Work ours, Work generated)
            throws Exception {
        runFor(ours, roundNanos * ROUNDS / 3);
        runFor(generated, roundNanos * ROUNDS / 3);
        double oursNanos = Double.MAX_VALUE;
        double generatedNanos = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            oursNanos = Math.min(oursNanos, runFor(ours, roundNanos));
            generatedNanos = Math.min(generatedNanos, runFor(generated, roundNanos));
        }
        System.out.printf("%-52s ours %7.1f us (%6.0f MB/s, %5.2f M items/s), generated %7.1f us: %.2fx%n", name,
                oursNanos / 1000, bytes * 1e3 / oursNanos, items * 1e3 / oursNanos, generatedNanos / 1000,
                generatedNanos / oursNanos);
    }

    /** Nanoseconds per run over about {@code nanos}. */
    private static double runFor(Work work, long nanos) throws Exception {
        long start = System.nanoTime();
        long end = start + nanos;
        long runs = 0;
        while (System.nanoTime() < end) {
            work.run();
            runs++;
        }
        return (System.nanoTime() - start) / (double) runs;
    }
}
