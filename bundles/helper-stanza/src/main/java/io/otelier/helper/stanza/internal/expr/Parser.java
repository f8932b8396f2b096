package io.otelier.helper.stanza.internal.expr;

import io.otelier.helper.stanza.internal.expr.Lexer.Kind;
import io.otelier.helper.stanza.internal.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A precedence-climbing parser for expr-lang's expression grammar. */
final class Parser {

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Node parse(String source) throws ExprException {
        Parser p = new Parser(source, Lexer.tokenize(source));
        if (p.peek().kind() == Kind.EOF) {
            throw new ExprException("unexpected token EOF (1:1)");
        }
        Node node = p.expression(0);
        if (p.peek().kind() != Kind.EOF) {
            throw p.unexpected(p.peek());
        }
        return node;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private ExprException unexpected(Token t) {
        return new ExprException("unexpected token " + t + " (" + Lexer.position(source, t.pos()) + ")");
    }

    private void expect(Kind kind, String text) throws ExprException {
        Token t = next();
        if (!t.is(kind, text)) {
            throw unexpected(t);
        }
    }

    /** Binary operator precedence as expr-lang's parser table; -1 when the token is not a binary operator. */
    private static int precedence(Token t) {
        if (t.kind() != Kind.OPERATOR && t.kind() != Kind.IDENT) {
            return -1;
        }
        return switch (t.text()) {
            case "??" -> 1;
            case "or", "||" -> 10;
            case "and", "&&" -> 15;
            case "==", "!=", "<", ">", "<=", ">=", "in", "matches", "contains", "startsWith", "endsWith", "not" -> 20;
            case ".." -> 25;
            case "+", "-" -> 30;
            case "*", "/", "%" -> 60;
            case "**", "^" -> 100;
            default -> -1;
        };
    }

    private Node expression(int minPrecedence) throws ExprException {
        Node left = unary();
        while (true) {
            Token op = peek();
            if (op.is(Kind.OPERATOR, "?") && minPrecedence == 0) {
                next();
                Node whenTrue = expression(0);
                expect(Kind.OPERATOR, ":");
                Node whenFalse = expression(0);
                left = new Nodes.Conditional(left, whenTrue, whenFalse);
                continue;
            }
            int prec = precedence(op);
            if (prec < 0 || prec < minPrecedence) {
                return left;
            }
            next();
            String operator = op.text();
            boolean negate = false;
            if (operator.equals("not")) {
                Token after = next();
                if (!(after.kind() == Kind.IDENT && (after.text().equals("in") || after.text().equals("matches")
                        || after.text().equals("contains") || after.text().equals("startsWith")
                        || after.text().equals("endsWith")))) {
                    throw unexpected(after);
                }
                operator = after.text();
                negate = true;
            }
            boolean rightAssoc = operator.equals("**") || operator.equals("^");
            Node right = expression(rightAssoc ? prec : prec + 1);
            left = binary(operator, left, right, op);
            if (negate) {
                left = new Nodes.Not(left);
            }
        }
    }

    private Node binary(String operator, Node left, Node right, Token at) throws ExprException {
        switch (operator) {
            case "and", "&&":
                return new Nodes.And(left, right);
            case "or", "||":
                return new Nodes.Or(left, right);
            case "??":
                return new Nodes.Coalesce(left, right);
            case "matches":
                if (right instanceof Nodes.Literal lit && lit.value() instanceof String pattern) {
                    try {
                        return new Nodes.Matches(left, right, Pattern.compile(Regex.toJava(pattern)));
                    } catch (PatternSyntaxException e) {
                        throw new ExprException("error parsing regexp: " + e.getDescription() + ": `" + pattern
                                + "` (" + Lexer.position(source, at.pos()) + ")");
                    }
                }
                return new Nodes.Matches(left, right, null);
            default:
                Nodes.checkBinaryLiterals(operator, left, right, source, at.pos());
                return new Nodes.Binary(operator, left, right);
        }
    }

    private Node unary() throws ExprException {
        Token t = peek();
        if (t.is(Kind.OPERATOR, "!") || t.is(Kind.IDENT, "not")) {
            next();
            return new Nodes.Not(expression(50));
        }
        if (t.is(Kind.OPERATOR, "-")) {
            next();
            return new Nodes.Negate(expression(90));
        }
        if (t.is(Kind.OPERATOR, "+")) {
            next();
            return expression(90);
        }
        return postfix(primary());
    }

    private Node primary() throws ExprException {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Nodes.Literal(number(t));
            case STRING:
                return new Nodes.Literal(t.text());
            case IDENT:
                switch (t.text()) {
                    case "true":
                        return new Nodes.Literal(Boolean.TRUE);
                    case "false":
                        return new Nodes.Literal(Boolean.FALSE);
                    case "nil":
                        return new Nodes.Literal(null);
                    default:
                        if (peek().is(Kind.BRACKET, "(")) {
                            next();
                            return Functions.call(t.text(), arguments(")"), source, t.pos());
                        }
                        return new Nodes.Variable(t.text());
                }
            case BRACKET:
                if (t.text().equals("(")) {
                    Node inner = expression(0);
                    expect(Kind.BRACKET, ")");
                    return inner;
                }
                if (t.text().equals("[")) {
                    return new Nodes.ArrayLiteral(arguments("]"));
                }
                if (t.text().equals("{")) {
                    return mapLiteral();
                }
                throw unexpected(t);
            default:
                throw unexpected(t);
        }
    }

    private Node mapLiteral() throws ExprException {
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        while (!peek().is(Kind.BRACKET, "}")) {
            Token key = next();
            if (key.kind() == Kind.IDENT || key.kind() == Kind.STRING || key.kind() == Kind.NUMBER) {
                keys.add(new Nodes.Literal(key.text()));
            } else if (key.is(Kind.BRACKET, "(")) {
                keys.add(expression(0));
                expect(Kind.BRACKET, ")");
            } else {
                throw unexpected(key);
            }
            expect(Kind.OPERATOR, ":");
            values.add(expression(0));
            if (!peek().is(Kind.OPERATOR, ",")) {
                break;
            }
            next();
        }
        expect(Kind.BRACKET, "}");
        return new Nodes.MapLiteral(keys, values);
    }

    private List<Node> arguments(String close) throws ExprException {
        List<Node> args = new ArrayList<>();
        while (!peek().is(Kind.BRACKET, close)) {
            args.add(expression(0));
            if (!peek().is(Kind.OPERATOR, ",")) {
                break;
            }
            next();
        }
        expect(Kind.BRACKET, close);
        return args;
    }

    private Node postfix(Node node) throws ExprException {
        while (true) {
            Token t = peek();
            if (t.is(Kind.OPERATOR, ".") || t.is(Kind.OPERATOR, "?.")) {
                next();
                Token name = next();
                if (name.kind() != Kind.IDENT) {
                    throw unexpected(name);
                }
                if (peek().is(Kind.BRACKET, "(")) {
                    throw new ExprException("method calls are not supported: " + name.text() + " ("
                            + Lexer.position(source, name.pos()) + ")");
                }
                node = new Nodes.Member(node, new Nodes.Literal(name.text()), t.is(Kind.OPERATOR, "?."));
            } else if (t.is(Kind.BRACKET, "[")) {
                next();
                Node index = expression(0);
                if (peek().is(Kind.OPERATOR, ":")) {
                    next();
                    Node to = peek().is(Kind.BRACKET, "]") ? null : expression(0);
                    expect(Kind.BRACKET, "]");
                    node = new Nodes.Slice(node, index, to);
                    continue;
                }
                expect(Kind.BRACKET, "]");
                node = new Nodes.Member(node, index, false);
            } else {
                return node;
            }
        }
    }

    private Object number(Token t) throws ExprException {
        String text = t.text();
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.contains(".") || ((text.contains("e") || text.contains("E")))) {
                return Double.parseDouble(text);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ExprException("invalid number literal " + text + " (" + Lexer.position(source, t.pos()) + ")");
        }
    }
}
