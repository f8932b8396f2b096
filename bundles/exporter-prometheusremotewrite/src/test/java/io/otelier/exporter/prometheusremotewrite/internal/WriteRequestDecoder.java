package io.otelier.exporter.prometheusremotewrite.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/** Reads a remote write 1.0 body back (snappy block + prometheus.WriteRequest), independently of the encoder. */
final class WriteRequestDecoder {

    private WriteRequestDecoder() {
    }

    static List<TimeSeries> decodeSnappy(byte[] body) throws IOException {
        return decode(Snappy.uncompress(body));
    }

    static List<TimeSeries> decode(byte[] proto) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(proto);
        List<TimeSeries> out = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                out.add(series(in.readBytes().newCodedInput()));
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        return out;
    }

    /** The metadata of a write request ({@code repeated MetricMetadata metadata = 3}). */
    static List<MetricMetadata> decodeMetadata(byte[] proto) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(proto);
        List<MetricMetadata> out = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != (3 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                in.skipField(tag);
                continue;
            }
            CodedInputStream m = in.readBytes().newCodedInput();
            int type = 0;
            String family = "";
            String help = "";
            String unit = "";
            for (int t = m.readTag(); t != 0; t = m.readTag()) {
                switch (WireFormat.getTagFieldNumber(t)) {
                    case 1 -> type = m.readEnum();
                    case 2 -> family = m.readString();
                    case 4 -> help = m.readString();
                    case 5 -> unit = m.readString();
                    default -> m.skipField(t);
                }
            }
            out.add(new MetricMetadata(type, family, help, unit));
        }
        return out;
    }

    private static TimeSeries series(CodedInputStream in) throws IOException {
        SortedMap<String, String> labels = new TreeMap<>();
        List<String> order = new ArrayList<>();
        List<TimeSeries.Sample> samples = new ArrayList<>();
        List<NativeHistogram> histograms = new ArrayList<>();
        List<PromExemplar> exemplars = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    CodedInputStream l = in.readBytes().newCodedInput();
                    String name = "";
                    String value = "";
                    for (int t = l.readTag(); t != 0; t = l.readTag()) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> name = l.readString();
                            case 2 -> value = l.readString();
                            default -> l.skipField(t);
                        }
                    }
                    if (labels.put(name, value) != null) {
                        throw new IOException("duplicate label " + name);
                    }
                    order.add(name);
                }
                case 2 -> {
                    CodedInputStream s = in.readBytes().newCodedInput();
                    double value = 0;
                    long timestamp = 0;
                    for (int t = s.readTag(); t != 0; t = s.readTag()) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> value = s.readDouble();
                            case 2 -> timestamp = s.readInt64();
                            default -> s.skipField(t);
                        }
                    }
                    samples.add(new TimeSeries.Sample(value, timestamp));
                }
                case 3 -> exemplars.add(exemplar(in.readBytes().newCodedInput()));
                case 4 -> histograms.add(histogram(in.readBytes().newCodedInput()));
                default -> in.skipField(tag);
            }
        }
        if (!order.equals(new ArrayList<>(labels.keySet()))) {
            throw new IOException("labels not sorted by name: " + order);
        }
        return new TimeSeries(labels, samples, histograms, exemplars);
    }

    private static PromExemplar exemplar(CodedInputStream in) throws IOException {
        List<java.util.Map.Entry<String, String>> labels = new ArrayList<>();
        double value = 0;
        long timestamp = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    CodedInputStream l = in.readBytes().newCodedInput();
                    String name = "";
                    String v = "";
                    for (int t = l.readTag(); t != 0; t = l.readTag()) {
                        switch (WireFormat.getTagFieldNumber(t)) {
                            case 1 -> name = l.readString();
                            case 2 -> v = l.readString();
                            default -> l.skipField(t);
                        }
                    }
                    labels.add(java.util.Map.entry(name, v));
                }
                case 2 -> value = in.readDouble();
                case 3 -> timestamp = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        return new PromExemplar(labels, value, timestamp);
    }

    private static NativeHistogram histogram(CodedInputStream in) throws IOException {
        long count = 0;
        double sum = 0;
        int schema = 0;
        double zeroThreshold = 0;
        long zeroCount = 0;
        long timestamp = 0;
        List<int[]> negativeSpans = new ArrayList<>();
        List<int[]> positiveSpans = new ArrayList<>();
        List<Long> negativeDeltas = new ArrayList<>();
        List<Long> positiveDeltas = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> count = in.readUInt64();
                case 3 -> sum = in.readDouble();
                case 4 -> schema = in.readSInt32();
                case 5 -> zeroThreshold = in.readDouble();
                case 6 -> zeroCount = in.readUInt64();
                case 8 -> negativeSpans.add(span(in.readBytes().newCodedInput()));
                case 9 -> negativeDeltas.addAll(sint64s(in.readBytes().newCodedInput()));
                case 11 -> positiveSpans.add(span(in.readBytes().newCodedInput()));
                case 12 -> positiveDeltas.addAll(sint64s(in.readBytes().newCodedInput()));
                case 15 -> timestamp = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        return new NativeHistogram(count, sum, schema, zeroThreshold, zeroCount, negativeSpans,
                negativeDeltas.stream().mapToLong(Long::longValue).toArray(), positiveSpans,
                positiveDeltas.stream().mapToLong(Long::longValue).toArray(), timestamp);
    }

    private static int[] span(CodedInputStream in) throws IOException {
        int[] span = new int[2];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> span[0] = in.readSInt32();
                case 2 -> span[1] = in.readUInt32();
                default -> in.skipField(tag);
            }
        }
        return span;
    }

    private static List<Long> sint64s(CodedInputStream in) throws IOException {
        List<Long> out = new ArrayList<>();
        while (!in.isAtEnd()) {
            out.add(in.readSInt64());
        }
        return out;
    }
}
