package io.otelier.helper.fileconsumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.helper.fileconsumer.MultilineConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Split functions through the scanner, as the reader uses them. */
class SplitsTest {

    private static List<String> tokens(SplitFunc split, String text, Charset charset, int bufferSize, int max)
            throws Exception {
        Scanner s = new Scanner(new ByteArrayInputStream(text.getBytes(charset)), bufferSize, max, 0, split);
        List<String> out = new ArrayList<>();
        while (s.scan()) {
            out.add(new String(s.buffer(), s.tokenOffset(), s.tokenLength(), charset));
        }
        return out;
    }

    private static List<String> lines(String text) throws Exception {
        return tokens(Splits.newline(Encodings.lookup("utf-8"), false), text, StandardCharsets.UTF_8, 4, 1 << 20);
    }

    @Test
    void newlineSplitKeepsEmptyLinesDropsCarriageReturnsAndHoldsAPartialLine() throws Exception {
        assertThat(lines("a\r\n\nbb\npartial")).containsExactly("a", "", "bb");
    }

    @Test
    void positionCountsOnlyConsumedBytes() throws Exception {
        Scanner s = new Scanner(new ByteArrayInputStream("ab\ncd".getBytes()), 2, 100, 10,
                Splits.newline(Encodings.lookup("utf-8"), false));
        assertThat(s.scan()).isTrue();
        assertThat(s.position()).isEqualTo(13);
        assertThat(s.scan()).isFalse();
        assertThat(s.position()).isEqualTo(13);
        assertThat(s.error()).isNull();
    }

    @Test
    void utf16NewlinesAreTwoBytes() throws Exception {
        Encodings.Encoding enc = Encodings.lookup("utf-16le");
        assertThat(tokens(Splits.newline(enc, false), "x\ny\n", StandardCharsets.UTF_16LE, 16, 1000))
                .containsExactly("x", "y");
    }

    @Test
    void utf16WithoutSuffixIsLittleEndianAsUpstream() {
        assertThat(Encodings.lookup("utf-16").charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(Encodings.lookup("ascii").charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Encodings.lookup("NOP").isNop()).isTrue();
    }

    @Test
    void lineStartOmitsThePatternWhenAsked() throws Exception {
        SplitFunc split = Splits.of(new MultilineConfig("^START ", "", true), Encodings.lookup("utf-8"), false,
                1 << 20);
        assertThat(tokens(split, "START one\nmore\nSTART two\nSTART three", StandardCharsets.UTF_8, 8, 1000))
                .containsExactly("one\nmore\n", "two\n");
    }

    @Test
    void lineStartPatternsWithNonAsciiTextMatchUtf8Bytes() throws Exception {
        SplitFunc split = Splits.of(new MultilineConfig("^→", "", false), Encodings.lookup("utf-8"), false, 1 << 20);
        assertThat(tokens(split, "→ a\nb\n→ c\n→", StandardCharsets.UTF_8, 8, 1000))
                .containsExactly("→ a\nb\n", "→ c\n");
    }

    @Test
    void lineEndInUtf16() throws Exception {
        SplitFunc split = Splits.of(new MultilineConfig("", "END", false), Encodings.lookup("utf-16le"), false,
                1 << 20);
        assertThat(tokens(split, "a\nbEND\ncEND\n", StandardCharsets.UTF_16LE, 8, 1000))
                .containsExactly("a\nbEND", "\ncEND");
    }

    @Test
    void toLengthSplitsAndTruncateDrops() throws Exception {
        SplitFunc base = Splits.newline(Encodings.lookup("utf-8"), false);
        assertThat(tokens(SplitWrappers.toLength(base, 4), "abcdefghij\nxy\n", StandardCharsets.UTF_8, 4, 4))
                .containsExactly("abcd", "efgh", "ij", "xy");
        assertThat(tokens(SplitWrappers.toLengthTruncating(base, 4, new SplitWrappers.TruncateState()),
                "abcdefghij\nxy\n", StandardCharsets.UTF_8, 4, 4)).containsExactly("abcd", "xy");
    }

    @Test
    void trimHonoursPreserveFlags() throws Exception {
        SplitFunc base = Splits.newline(Encodings.lookup("utf-8"), false);
        String text = "  a b \t\n";
        assertThat(tokens(SplitWrappers.trim(base, false, false), text, StandardCharsets.UTF_8, 64, 64))
                .containsExactly("a b");
        assertThat(tokens(SplitWrappers.trim(base, true, false), text, StandardCharsets.UTF_8, 64, 64))
                .containsExactly("  a b");
        assertThat(tokens(SplitWrappers.trim(base, false, true), text, StandardCharsets.UTF_8, 64, 64))
                .containsExactly("a b \t");
    }

    @Test
    void nopTakesEverythingInMaxSizedChunks() throws Exception {
        assertThat(tokens(Splits.whole(4), "abcdefghij", StandardCharsets.ISO_8859_1, 4, 4))
                .containsExactly("abcd", "efgh", "ij");
    }
}
