package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;

/** unquote: Go's strconv.Unquote on a string field (upstream transformer/unquote). */
public final class Unquote extends Transformer {

    private final Field field;

    public Unquote(Writer.Common common, Conf conf) {
        super(common, conf);
        this.field = conf.field("field", Field.body());
    }

    @Override
    protected void transform(Entry entry) {
        if (!field.has(entry)) {
            return;
        }
        Object value = field.get(entry);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be unquoted");
        }
        field.set(entry, unquote(s));
    }

    /** strconv.Unquote: "…" with Go escapes, `…` raw, '…' one character. */
    static String unquote(String s) {
        int n = s.length();
        if (n < 2) {
            throw syntax();
        }
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) {
            throw syntax();
        }
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw syntax();
            }
            return body.replace("\r", "");
        }
        if (q != '"' && q != '\'') {
            throw syntax();
        }
        if (body.indexOf('\n') >= 0) {
            throw syntax();
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == q && q == '"') {
                throw syntax();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw syntax();
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != q) {
                        throw syntax();
                    }
                    out.append(e);
                }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > body.length()) {
                        throw syntax();
                    }
                    int v;
                    try {
                        v = Integer.parseUnsignedInt(body.substring(i, i + len), 16);
                    } catch (NumberFormatException ex) {
                        throw syntax();
                    }
                    i += len;
                    if (e == 'x') {
                        out.append((char) v);
                    } else {
                        out.appendCodePoint(v);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        throw syntax();
                    }
                    int v;
                    try {
                        v = Integer.parseInt(body.charAt(i - 1) + body.substring(i, i + 2), 8);
                    } catch (NumberFormatException ex) {
                        throw syntax();
                    }
                    if (v > 255) {
                        throw syntax();
                    }
                    i += 2;
                    out.append((char) v);
                }
                default -> throw syntax();
            }
        }
        String result = out.toString();
        if (q == '\'' && result.codePointCount(0, result.length()) != 1) {
            throw syntax();
        }
        return result;
    }

    private static IllegalArgumentException syntax() {
        return new IllegalArgumentException("invalid syntax");
    }
}
