package io.otelier.helper.stanza.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A string with embedded {@code EXPR(...)} parts (upstream {@code helper.ExprStringConfig}). */
public final class ExprString {

    private static final String START = "EXPR(";
    private static final String END = ")";

    private final List<String> literals;
    private final List<Expression> expressions;

    private ExprString(List<String> literals, List<Expression> expressions) {
        this.literals = literals;
        this.expressions = expressions;
    }

    /** Splits as upstream: each EXPR( runs to the last ')' before the next EXPR(. */
    public static ExprString compile(String s) throws ExprException {
        List<String> literals = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int rangeStart = 0;
        while (true) {
            int indexStart = s.indexOf(START, rangeStart);
            if (indexStart < 0) {
                literals.add(s.substring(rangeStart));
                break;
            }
            int nextStart = s.indexOf(START, indexStart + START.length());
            int rangeEnd = nextStart < 0 ? s.length() : nextStart;
            int indexEnd = s.substring(indexStart, rangeEnd).lastIndexOf(END);
            if (indexEnd < 0) {
                literals.add(s.substring(rangeStart));
                break;
            }
            indexEnd += indexStart;
            literals.add(s.substring(rangeStart, indexStart));
            sources.add(s.substring(indexStart + START.length(), indexEnd));
            rangeStart = indexEnd + END.length();
            if (rangeStart > s.length()) {
                break;
            }
        }
        List<Expression> expressions = new ArrayList<>(sources.size());
        for (String source : sources) {
            try {
                expressions.add(Expression.compile(source));
            } catch (ExprException e) {
                throw new ExprException("compile embedded expression: " + e.getMessage());
            }
        }
        return new ExprString(literals, expressions);
    }

    public boolean isConstant() {
        return expressions.isEmpty();
    }

    public String render(Map<String, Object> env) throws ExprException {
        if (expressions.isEmpty()) {
            return literals.get(0);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < expressions.size(); i++) {
            b.append(literals.get(i));
            Object out;
            try {
                out = expressions.get(i).evaluate(env);
            } catch (ExprException e) {
                throw new ExprException("render embedded expression: " + e.getMessage());
            }
            if (!(out instanceof String str)) {
                throw new ExprException("embedded expression returned non-string " + Values.format(out));
            }
            b.append(str);
        }
        b.append(literals.get(literals.size() - 1));
        return b.toString();
    }
}
