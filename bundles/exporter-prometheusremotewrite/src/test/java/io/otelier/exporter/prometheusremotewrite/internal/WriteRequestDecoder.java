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

    private static TimeSeries series(CodedInputStream in) throws IOException {
        SortedMap<String, String> labels = new TreeMap<>();
        List<String> order = new ArrayList<>();
        List<TimeSeries.Sample> samples = new ArrayList<>();
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
                default -> in.skipField(tag);
            }
        }
        if (!order.equals(new ArrayList<>(labels.keySet()))) {
            throw new IOException("labels not sorted by name: " + order);
        }
        return new TimeSeries(labels, samples);
    }
}
