package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.Span;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    private static String decode(byte[] bytes) {
        return NameCache.decode(bytes, 0, bytes.length);
    }

    @Test
    void anAsciiNameDecodesToOneSharedInstanceWithItsBytes() {
        byte[] bytes = "http.request.method".getBytes(StandardCharsets.US_ASCII);
        String first = decode(bytes);
        String second = decode(bytes.clone());
        assertThat(second).isSameAs(first).isEqualTo("http.request.method");
        assertThat(NameCache.utf8(first)).containsExactly(bytes);
        assertThat(NameCache.utf8(new String(first))).containsExactly(bytes); // equal content is enough
    }

    @Test
    void namesInsideALargerBufferAndShortNames() {
        byte[] buffer = "xxk1yyk2".getBytes(StandardCharsets.US_ASCII);
        assertThat(NameCache.decode(buffer, 2, 2)).isEqualTo("k1");
        assertThat(NameCache.decode(buffer, 6, 2)).isEqualTo("k2");
        assertThat(NameCache.decode(buffer, 0, 0)).isEmpty();
    }

    @Test
    void nonAsciiAndMalformedBytesDecodeAsUsualAndAreNotCached() {
        byte[] utf8 = "héllo.wörld".getBytes(StandardCharsets.UTF_8);
        assertThat(decode(utf8)).isEqualTo("héllo.wörld");
        assertThat(NameCache.utf8("héllo.wörld")).isNull();
        byte[] malformed = {'k', (byte) 0xC3, 'x'};
        String decoded = decode(malformed);
        assertThat(decoded).isEqualTo("k\uFFFDx");
        assertThat(NameCache.utf8(decoded)).isNull(); // must encode as EF BF BD, not as the bytes received
    }

    @Test
    void longStringsAreNotCached() {
        String longName = "n".repeat(NameCache.MAX_BYTES + 1);
        String decoded = decode(longName.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded).isEqualTo(longName);
        assertThat(NameCache.utf8(decoded)).isNull();
    }

    @Test
    void aNameNeverDecodedIsNotCached() {
        assertThat(NameCache.utf8("never.decoded.key." + System.nanoTime())).isNull();
    }

    @Test
    void decodedRequestsShareKeysAndNamesAndReencodeToTheSameBytes() throws Exception {
        Traces traces = new Traces();
        Span span = traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName("span.name");
        span.attributes().put("attribute.key", "value").put("other.key", 1);
        byte[] bytes = OtlpProto.encode(traces);
        Span first = OtlpProto.decodeTraces(bytes).resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        Span second = OtlpProto.decodeTraces(bytes).resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        assertThat(second.name()).isSameAs(first.name());
        assertThat(second.attributes().key(0)).isSameAs(first.attributes().key(0));
        assertThat(second.attributes().key(1)).isSameAs(first.attributes().key(1));
        assertThat(OtlpProto.encode(OtlpProto.decodeTraces(bytes))).isEqualTo(bytes);
    }
}
