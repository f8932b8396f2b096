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
 * samples = 2, repeated Histogram histograms = 4}; Label {@code string name = 1, string value = 2}; Sample
 * {@code double value = 1, int64 timestamp = 2}; Histogram and BucketSpan as prompb/types.proto) in snappy's
 * block format. Written by hand: the schema is a few small messages.
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

    /**
     * Samples plus native histograms in an encoded request (upstream's {@code writeRequestSampleCount}), for the
     * count of what a rejected WAL batch held.
     */
    static long sampleCount(byte[] request) {
        try {
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(request);
            long count = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag != (1 << 3 | 2)) {
                    in.skipField(tag);
                    continue;
                }
                com.google.protobuf.CodedInputStream ts = in.readBytes().newCodedInput();
                for (int t = ts.readTag(); t != 0; t = ts.readTag()) {
                    int field = t >>> 3;
                    if (field == 2 || field == 4) {
                        count++;
                    }
                    ts.skipField(t);
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("a request this exporter encoded does not decode (bug)", e);
        }
    }

    /** The snappy-compressed protobuf, as the {@code Content-Encoding: snappy} body. */
    static byte[] compressed(List<TimeSeries> series) {
        return compress(encode(series));
    }

    static byte[] compress(byte[] request) {
        try {
            return Snappy.compress(request);
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
    }

    /**
     * Metadata-only write requests ({@code repeated MetricMetadata metadata = 3}; MetricMetadata {@code type = 1,
     * metric_family_name = 2, help = 4, unit = 5}), split by size as the series are; upstream sends them after
     * the series.
     */
    static List<byte[]> encodeMetadataBatches(List<MetricMetadata> metadata, int maxBytes) {
        List<byte[]> out = new java.util.ArrayList<>();
        List<MetricMetadata> batch = new java.util.ArrayList<>();
        long batchSize = 0;
        for (MetricMetadata m : metadata) {
            int size = metadataSize(m);
            if (batchSize + size >= maxBytes && !batch.isEmpty()) {
                out.add(encodeMetadata(batch));
                batch = new java.util.ArrayList<>();
                batchSize = 0;
            }
            batch.add(m);
            batchSize += size;
        }
        if (!batch.isEmpty()) {
            out.add(encodeMetadata(batch));
        }
        return out;
    }

    static byte[] encodeMetadata(List<MetricMetadata> metadata) {
        try {
            int size = 0;
            for (MetricMetadata m : metadata) {
                size += delimited(3, metadataSize(m));
            }
            byte[] out = new byte[size];
            CodedOutputStream cos = CodedOutputStream.newInstance(out);
            for (MetricMetadata m : metadata) {
                cos.writeTag(3, 2);
                cos.writeUInt32NoTag(metadataSize(m));
                if (m.type() != 0) {
                    cos.writeEnum(1, m.type());
                }
                if (!m.familyName().isEmpty()) {
                    cos.writeString(2, m.familyName());
                }
                if (!m.help().isEmpty()) {
                    cos.writeString(4, m.help());
                }
                if (!m.unit().isEmpty()) {
                    cos.writeString(5, m.unit());
                }
            }
            cos.checkNoSpaceLeft();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("sized buffer overflowed (bug)", e);
        }
    }

    private static int metadataSize(MetricMetadata m) {
        return (m.type() != 0 ? CodedOutputStream.computeEnumSize(1, m.type()) : 0)
                + (m.familyName().isEmpty() ? 0 : CodedOutputStream.computeStringSize(2, m.familyName()))
                + (m.help().isEmpty() ? 0 : CodedOutputStream.computeStringSize(4, m.help()))
                + (m.unit().isEmpty() ? 0 : CodedOutputStream.computeStringSize(5, m.unit()));
    }

    /**
     * Upstream's {@code batchTimeSeries}: consecutive series go into one request until adding the next would reach
     * {@code maxBytes} of series; each series' samples are ordered by time. A series is never split, so parallel
     * requests never carry samples of the same series.
     */
    static List<byte[]> encodeBatches(List<TimeSeries> series, int maxBytes) {
        List<byte[]> out = new java.util.ArrayList<>();
        List<TimeSeries> batch = new java.util.ArrayList<>();
        long batchSize = 0;
        for (TimeSeries ts : series) {
            ts.samples().sort(java.util.Comparator.comparingLong(TimeSeries.Sample::timestampMillis));
            int size = seriesSize(ts);
            if (batchSize + size >= maxBytes && !batch.isEmpty()) {
                out.add(encode(batch));
                batch = new java.util.ArrayList<>();
                batchSize = 0;
            }
            batch.add(ts);
            batchSize += size;
        }
        if (!batch.isEmpty()) {
            out.add(encode(batch));
        }
        return out;
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
        for (PromExemplar e : ts.exemplars()) {
            cos.writeTag(3, 2);
            cos.writeUInt32NoTag(exemplarSize(e));
            for (Map.Entry<String, String> label : e.labels()) {
                cos.writeTag(1, 2);
                cos.writeUInt32NoTag(labelSize(label));
                cos.writeString(1, label.getKey());
                cos.writeString(2, label.getValue());
            }
            if (Double.doubleToRawLongBits(e.value()) != 0) {
                cos.writeDouble(2, e.value());
            }
            if (e.timestampMillis() != 0) {
                cos.writeInt64(3, e.timestampMillis());
            }
        }
        for (NativeHistogram h : ts.histograms()) {
            cos.writeTag(4, 2);
            cos.writeUInt32NoTag(histogramSize(h));
            writeHistogram(cos, h);
        }
    }

    private static int exemplarSize(PromExemplar e) {
        int size = (Double.doubleToRawLongBits(e.value()) != 0 ? CodedOutputStream.computeDoubleSize(2, 0) : 0)
                + (e.timestampMillis() != 0 ? CodedOutputStream.computeInt64Size(3, e.timestampMillis()) : 0);
        for (Map.Entry<String, String> label : e.labels()) {
            size += delimited(1, labelSize(label));
        }
        return size;
    }

    /** The oneof {@code count_int} and {@code zero_count_int} are written even when zero, as gogo does. */
    private static void writeHistogram(CodedOutputStream cos, NativeHistogram h) throws IOException {
        cos.writeUInt64(1, h.count());
        if (Double.doubleToRawLongBits(h.sum()) != 0) {
            cos.writeDouble(3, h.sum());
        }
        if (h.schema() != 0) {
            cos.writeSInt32(4, h.schema());
        }
        if (Double.doubleToRawLongBits(h.zeroThreshold()) != 0) {
            cos.writeDouble(5, h.zeroThreshold());
        }
        cos.writeUInt64(6, h.zeroCount());
        writeSpans(cos, 8, h.negativeSpans());
        writeDeltas(cos, 9, h.negativeDeltas());
        writeSpans(cos, 11, h.positiveSpans());
        writeDeltas(cos, 12, h.positiveDeltas());
        if (h.timestampMillis() != 0) {
            cos.writeInt64(15, h.timestampMillis());
        }
    }

    private static void writeSpans(CodedOutputStream cos, int field, java.util.List<int[]> spans) throws IOException {
        for (int[] span : spans) {
            cos.writeTag(field, 2);
            cos.writeUInt32NoTag(spanSize(span));
            if (span[0] != 0) {
                cos.writeSInt32(1, span[0]);
            }
            if (span[1] != 0) {
                cos.writeUInt32(2, span[1]);
            }
        }
    }

    private static void writeDeltas(CodedOutputStream cos, int field, long[] deltas) throws IOException {
        if (deltas.length == 0) {
            return;
        }
        cos.writeTag(field, 2);
        cos.writeUInt32NoTag(deltasSize(deltas));
        for (long d : deltas) {
            cos.writeSInt64NoTag(d);
        }
    }

    private static int histogramSize(NativeHistogram h) {
        int size = CodedOutputStream.computeUInt64Size(1, h.count())
                + (Double.doubleToRawLongBits(h.sum()) != 0 ? CodedOutputStream.computeDoubleSize(3, 0) : 0)
                + (h.schema() != 0 ? CodedOutputStream.computeSInt32Size(4, h.schema()) : 0)
                + (Double.doubleToRawLongBits(h.zeroThreshold()) != 0 ? CodedOutputStream.computeDoubleSize(5, 0) : 0)
                + CodedOutputStream.computeUInt64Size(6, h.zeroCount())
                + (h.timestampMillis() != 0 ? CodedOutputStream.computeInt64Size(15, h.timestampMillis()) : 0);
        for (int[] span : h.negativeSpans()) {
            size += delimited(8, spanSize(span));
        }
        for (int[] span : h.positiveSpans()) {
            size += delimited(11, spanSize(span));
        }
        if (h.negativeDeltas().length > 0) {
            size += delimited(9, deltasSize(h.negativeDeltas()));
        }
        if (h.positiveDeltas().length > 0) {
            size += delimited(12, deltasSize(h.positiveDeltas()));
        }
        return size;
    }

    private static int spanSize(int[] span) {
        return (span[0] != 0 ? CodedOutputStream.computeSInt32Size(1, span[0]) : 0)
                + (span[1] != 0 ? CodedOutputStream.computeUInt32Size(2, span[1]) : 0);
    }

    private static int deltasSize(long[] deltas) {
        int size = 0;
        for (long d : deltas) {
            size += CodedOutputStream.computeSInt64SizeNoTag(d);
        }
        return size;
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
        for (PromExemplar e : ts.exemplars()) {
            size += delimited(3, exemplarSize(e));
        }
        for (NativeHistogram h : ts.histograms()) {
            size += delimited(4, histogramSize(h));
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
