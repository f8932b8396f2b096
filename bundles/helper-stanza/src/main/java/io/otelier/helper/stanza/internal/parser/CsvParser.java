package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** csv_parser (upstream operator/parser/csv): a static {@code header} or one read per entry from {@code header_attribute}. */
public final class CsvParser extends ParserOperator {

    private final List<String> header;
    private final String headerAttribute;
    private final int fieldDelimiter;
    private final String headerDelimiter;
    private final boolean lazyQuotes;
    private final boolean ignoreQuotes;
    private final ThreadLocal<List<String>> dynamicHeader = new ThreadLocal<>();

    public CsvParser(Writer.Common common, Conf conf) {
        super(common, conf);
        String headerText = conf.string("header", "");
        String headerDelim = conf.string("header_delimiter", "");
        this.headerAttribute = conf.string("header_attribute", "");
        String delimiter = conf.string("delimiter", "");
        this.lazyQuotes = conf.bool("lazy_quotes", false);
        this.ignoreQuotes = conf.bool("ignore_quotes", false);
        if (delimiter.isEmpty()) {
            delimiter = ",";
        }
        if (headerDelim.isEmpty()) {
            headerDelim = delimiter;
        }
        if (ignoreQuotes && lazyQuotes) {
            throw conf.fail("ignore_quotes", "only one of 'ignore_quotes' or 'lazy_quotes' can be true");
        }
        if (delimiter.codePointCount(0, delimiter.length()) != 1) {
            throw conf.fail("delimiter", "invalid 'delimiter': '" + delimiter + "'");
        }
        if (headerDelim.codePointCount(0, headerDelim.length()) != 1) {
            throw conf.fail("header_delimiter", "invalid 'header_delimiter': '" + headerDelim + "'");
        }
        if (headerText.isEmpty() && headerAttribute.isEmpty()) {
            throw conf.fail("header", "missing required field 'header' or 'header_attribute'");
        }
        if (!headerText.isEmpty() && !headerAttribute.isEmpty()) {
            throw conf.fail("header", "only one header parameter can be set: 'header' or 'header_attribute'");
        }
        if (!headerText.isEmpty() && !headerText.contains(headerDelim)) {
            throw conf.fail("header", "missing field delimiter in header");
        }
        this.fieldDelimiter = delimiter.codePointAt(0);
        this.headerDelimiter = headerDelim;
        this.header = headerText.isEmpty() ? null : split(headerText, headerDelim);
    }

    private static List<String> split(String s, String delimiter) {
        return Arrays.asList(s.split(Pattern.quote(delimiter), -1));
    }

    @Override
    public void process(Entry entry) {
        if (header != null) {
            super.process(entry);
            return;
        }
        // as upstream: an entry without a usable header attribute is dropped with an error log
        Object h = entry.attributes() == null ? null : entry.attributes().get(headerAttribute);
        if (h == null && (entry.attributes() == null || !entry.attributes().containsKey(headerAttribute))) {
            logger.error("read dynamic header attribute", null, "attribute", headerAttribute);
            return;
        }
        if (!(h instanceof String headerString)) {
            logger.error("header must be string", null, "type", TypeNames.of(h));
            return;
        }
        dynamicHeader.set(split(headerString, headerDelimiter));
        try {
            super.process(entry);
        } finally {
            dynamicHeader.remove();
        }
    }

    @Override
    protected Object parse(Object value) {
        String line;
        if (value instanceof String s) {
            line = s;
        } else if (value instanceof byte[] b) {
            line = new String(b, StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("type '" + TypeNames.of(value) + "' cannot be parsed as csv");
        }
        List<String> headers = header != null ? header : dynamicHeader.get();
        List<String> fields = ignoreQuotes
                ? split(line, new String(Character.toChars(fieldDelimiter)))
                : GoCsv.readRow(line, fieldDelimiter, lazyQuotes);
        if (fields.size() != headers.size()) {
            throw new IllegalArgumentException("wrong number of fields: expected " + headers.size() + ", found "
                    + fields.size());
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            parsed.put(headers.get(i), fields.get(i));
        }
        return parsed;
    }
}
