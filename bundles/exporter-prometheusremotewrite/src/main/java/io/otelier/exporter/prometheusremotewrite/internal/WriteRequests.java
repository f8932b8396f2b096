package io.otelier.exporter.prometheusremotewrite.internal;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * The body of a remote write 1.0 request: a {@code prometheus.WriteRequest} (prompb/remote.proto:
 * {@code repeated TimeSeries timeseries = 1}; TimeSeries {@code repeated Label labels = 1, repeated Sample
 * samples = 2}; Label {@code string name = 1, string value = 2}; Sample {@code double value = 1, int64
 * timestamp = 2}) in snappy's block format. Written by hand: the schema is four small messages.
 */
final class WriteRequests {

    private WriteRequests() {
    }

    static byte[] encode(List<TimeSeries> series) {
        try {
            byte[] out = new byte[requestSize(series)];
            CodedOutputStream cos = CodedOutputStream.newInstance(out);
            for (TimeSeries ts : series) {
                cos.writeTag(1, 2);
                cos.writeUInt32NoTag(seriesSize(ts));
                writeSeries(cos, ts);
            }
            cos.checkNoSpaceLeft();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("sized buffer overflowed (bug)", e);
        }
    }

    /** The snappy-compressed protobuf, as the {@code Content-Encoding: snappy} body. */
    static byte[] compressed(List<TimeSeries> series) {
        try {
            return Snappy.compress(encode(series));
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
    }

    private static void writeSeries(CodedOutputStream cos, TimeSeries ts) throws IOException {
        for (Map.Entry<String, String> label : ts.labels().entrySet()) {
            cos.writeTag(1, 2);
            cos.writeUInt32NoTag(labelSize(label));
            cos.writeString(1, label.getKey());
            cos.writeString(2, label.getValue());
        }
        for (TimeSeries.Sample sample : ts.samples()) {
            cos.writeTag(2, 2);
            cos.writeUInt32NoTag(sampleSize(sample));
            writeSample(cos, sample);
        }
    }

    /** proto3: zero values are left out, as the gogo-generated prompb does. */
    private static void writeSample(CodedOutputStream cos, TimeSeries.Sample sample) throws IOException {
        if (Double.doubleToRawLongBits(sample.value()) != 0) {
            cos.writeDouble(1, sample.value());
        }
        if (sample.timestampMillis() != 0) {
            cos.writeInt64(2, sample.timestampMillis());
        }
    }

    private static int requestSize(List<TimeSeries> series) {
        int size = 0;
        for (TimeSeries ts : series) {
            size += delimited(1, seriesSize(ts));
        }
        return size;
    }

    private static int seriesSize(TimeSeries ts) {
        int size = 0;
        for (Map.Entry<String, String> label : ts.labels().entrySet()) {
            size += delimited(1, labelSize(label));
        }
        for (TimeSeries.Sample sample : ts.samples()) {
            size += delimited(2, sampleSize(sample));
        }
        return size;
    }

    private static int labelSize(Map.Entry<String, String> label) {
        return CodedOutputStream.computeStringSize(1, label.getKey())
                + CodedOutputStream.computeStringSize(2, label.getValue());
    }

    private static int sampleSize(TimeSeries.Sample sample) {
        return (Double.doubleToRawLongBits(sample.value()) != 0 ? CodedOutputStream.computeDoubleSize(1, 0) : 0)
                + (sample.timestampMillis() != 0 ? CodedOutputStream.computeInt64Size(2, sample.timestampMillis())
                        : 0);
    }

    private static int delimited(int field, int length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
    }
}
