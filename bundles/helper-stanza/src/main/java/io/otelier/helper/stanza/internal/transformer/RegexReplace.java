package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.expr.Regex;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/** regex_replace: Go's ReplaceAllString on a string field (upstream transformer/regexreplace). */
public final class RegexReplace extends Transformer {

    private static final String ANSI_CSI = "\\x1B\\[[\\x30-\\x3F]*[\\x20-\\x2F]*[\\x40-\\x7E]";

    private final Field field;
    private final Regex.Compiled regex;
    private final String replaceWith;

    public RegexReplace(Writer.Common common, Conf conf) {
        super(common, conf);
        String regexName = conf.string("regex_name", "");
        String pattern = conf.string("regex", "");
        this.replaceWith = conf.string("replace_with", "");
        this.field = conf.field("field", Field.body());
        if (regexName.isEmpty() == pattern.isEmpty()) {
            throw conf.fail("regex", "either regex or regex_name must be set");
        }
        if (!regexName.isEmpty()) {
            if (!regexName.equals("ansi_control_sequences")) {
                throw conf.fail("regex_name", "regex_name " + regexName + " is unknown");
            }
            pattern = ANSI_CSI;
        }
        try {
            this.regex = Regex.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw conf.fail("regex", "error parsing regexp: " + e.getDescription() + ": `" + pattern + "`");
        }
    }

    @Override
    protected void transform(Entry entry) {
        if (!field.has(entry)) {
            return;
        }
        Object value = field.get(entry);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be handled");
        }
        field.set(entry, replaceAll(regex, s, replaceWith));
    }

    /** Go's Regexp.ReplaceAllString with $1 / ${name} / $$ expansion. */
    static String replaceAll(Regex.Compiled regex, String input, String template) {
        Matcher m = regex.pattern().matcher(input);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int searchFrom = 0;
        while (searchFrom <= input.length() && m.find(searchFrom)) {
            out.append(input, last, m.start());
            expand(out, template, m, regex.groupNames());
            last = m.end();
            searchFrom = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        out.append(input, Math.min(last, input.length()), input.length());
        return out.toString();
    }

    private static void expand(StringBuilder out, String t, Matcher m, List<String> names) {
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != '$' || i + 1 >= t.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = t.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (n == '{') {
                int close = t.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = t.substring(i + 2, close);
                end = close + 1;
            } else {
                int j = i + 1;
                while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = t.substring(i + 1, j);
                end = j;
            }
            out.append(group(m, names, name));
            i = end;
        }
    }

    private static String group(Matcher m, List<String> names, String name) {
        String value = null;
        if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
            try {
                int index = Integer.parseInt(name);
                if (index <= m.groupCount()) {
                    value = m.group(index);
                }
            } catch (NumberFormatException e) {
                value = null;
            }
        } else {
            int index = names.indexOf(name);
            if (index >= 0) {
                value = m.group(index + 1);
            }
        }
        return value == null ? "" : value;
    }
}
