package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.internal.expr.Regex;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/** regex_parser: named capture groups into a map (upstream operator/parser/regex), with the optional cache. */
public final class RegexParser extends ParserOperator {

    private final Regex.Compiled regex;
    private final RegexCache cache;

    public RegexParser(Writer.Common common, Conf conf) {
        super(common, conf);
        String pattern = conf.string("regex", "");
        Conf cacheConf = conf.section("cache");
        long size = 0;
        if (cacheConf != null) {
            size = cacheConf.integer("size", 0);
            cacheConf.finish();
            if (size < 0 || size > 65535) {
                throw conf.fail("cache::size", "cannot parse value as 'uint16': " + size + " overflows uint16");
            }
        }
        if (pattern.isEmpty()) {
            throw conf.fail("regex", "missing required field 'regex'");
        }
        try {
            this.regex = Regex.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw conf.fail("regex", "compiling regex: error parsing regexp: " + e.getDescription() + ": `"
                    + pattern + "`");
        }
        if (regex.groupNames().stream().noneMatch(n -> n != null && !n.isEmpty())) {
            throw conf.fail("regex", "no named capture groups in regex pattern: use named capture groups like "
                    + "'^(?P<my_key>.*)$' to specify the key name for the parsed field");
        }
        this.cache = size > 0 ? new RegexCache((int) size) : null;
    }

    @Override
    protected Object parse(Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("type '" + TypeNames.of(value) + "' cannot be parsed as regex");
        }
        if (cache != null) {
            Map<String, Object> cached = cache.get(text);
            if (cached != null) {
                return new LinkedHashMap<>(cached);
            }
        }
        Map<String, Object> values = match(regex, text);
        if (cache != null) {
            cache.add(text, new LinkedHashMap<>(values));
        }
        return values;
    }

    /** Upstream's helper.MatchValues: the first match's named groups (unmatched groups give ""). */
    static Map<String, Object> match(Regex.Compiled regex, String text) {
        Matcher m = regex.pattern().matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("regex pattern does not match");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> names = regex.groupNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name != null && !name.isEmpty()) {
                String group = m.group(i + 1);
                values.put(name, group == null ? "" : group);
            }
        }
        return values;
    }
}
