package io.otelier.helper.stanza.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens (expr-lang's lexical syntax, the parts stanza configs use). */
final class Lexer {

    enum Kind { NUMBER, STRING, IDENT, OPERATOR, BRACKET, EOF }

    record Token(Kind kind, String text, int pos) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case EOF -> "EOF";
                case STRING -> "String(\"" + text + "\")";
                case NUMBER -> "Number(\"" + text + "\")";
                case IDENT -> "Identifier(\"" + text + "\")";
                case OPERATOR -> "Operator(\"" + text + "\")";
                case BRACKET -> "Bracket(\"" + text + "\")";
            };
        }
    }

    private static final String[] OPERATORS = {
        "??", "?.", "...", "..", "==", "!=", "<=", ">=", "&&", "||", "**",
        "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", ".", ",", "^", "|"
    };

    private Lexer() {
    }

    static List<Token> tokenize(String source) throws ExprException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        outer:
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || (source.charAt(i) == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1))))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, i).replace("_", ""), start));
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ExprException("literal not terminated (" + position(source, start) + ")");
                    }
                    char d = source.charAt(i);
                    if (d == c) {
                        i++;
                        break;
                    }
                    if (d == '\\' && c != '`') {
                        if (i + 1 >= n) {
                            throw new ExprException("literal not terminated (" + position(source, start) + ")");
                        }
                        i = unescape(source, i + 1, value);
                        continue;
                    }
                    value.append(d);
                    i++;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '$' || c == '#') {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || source.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, source.substring(start, i), start));
                continue;
            }
            if ("()[]{}".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.BRACKET, String.valueOf(c), i));
                i++;
                continue;
            }
            for (String op : OPERATORS) {
                if (source.startsWith(op, i)) {
                    tokens.add(new Token(Kind.OPERATOR, op, i));
                    i += op.length();
                    continue outer;
                }
            }
            throw new ExprException("unrecognized character: U+" + String.format("%04X", (int) c) + " '" + c + "' ("
                    + position(source, i) + ")");
        }
        tokens.add(new Token(Kind.EOF, "", n));
        return tokens;
    }

    private static int unescape(String s, int i, StringBuilder out) throws ExprException {
        char e = s.charAt(i);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case '\\', '"', '\'', '`' -> out.append(e);
            case 'u', 'x' -> {
                int len = e == 'u' ? 4 : 2;
                if (i + 1 + len > s.length()) {
                    throw new ExprException("invalid char escape");
                }
                try {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
                } catch (RuntimeException ex) {
                    throw new ExprException("invalid char escape");
                }
                return i + 1 + len;
            }
            default -> throw new ExprException("invalid char escape");
        }
        return i + 1;
    }

    static String position(String source, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return line + ":" + col;
    }
}
