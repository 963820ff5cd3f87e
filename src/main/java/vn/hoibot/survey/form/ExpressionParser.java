package vn.hoibot.survey.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import vn.hoibot.survey.form.Expression.Node;

/** A hand-written recursive-descent parser; precedence as XPath: or, and, = !=, < <= > >=, + -, * div mod, unary -. */
final class ExpressionParser {

    /** Known functions and their number of arguments. */
    private static final Map<String, Integer> ARITY = Map.of(
            "not", 1, "selected", 2, "count-selected", 1, "string-length", 1, "regex", 2, "today", 0,
            "true", 0, "false", 0);

    private final List<Token> tokens;
    private int next;

    ExpressionParser(String text) {
        this.tokens = new Lexer(text == null ? "" : text).tokens();
    }

    Node parse() {
        if (peek().kind == Kind.END) {
            throw new ExpressionException("survey.expr.empty", 1);
        }
        Node node = or();
        Token t = peek();
        if (t.kind != Kind.END) {
            throw new ExpressionException("survey.expr.unexpected", t.position, t.text);
        }
        return node;
    }

    private Node or() {
        Node left = and();
        while (word("or")) {
            Node l = left;
            Node r = and();
            left = combine(env -> Values.bool(l.eval(env)) || Values.bool(r.eval(env)), l, r);
        }
        return left;
    }

    private Node and() {
        Node left = equality();
        while (word("and")) {
            Node l = left;
            Node r = equality();
            left = combine(env -> Values.bool(l.eval(env)) && Values.bool(r.eval(env)), l, r);
        }
        return left;
    }

    private Node equality() {
        Node left = relational();
        while (peek().is("=") || peek().is("!=")) {
            boolean negate = take().is("!=");
            Node l = left;
            Node r = relational();
            left = combine(env -> Values.equal(l.eval(env), r.eval(env)) != negate, l, r);
        }
        return left;
    }

    private Node relational() {
        Node left = additive();
        while (peek().is("<") || peek().is("<=") || peek().is(">") || peek().is(">=")) {
            String op = take().text;
            Node l = left;
            Node r = additive();
            left = combine(env -> {
                double a = Values.number(l.eval(env));
                double b = Values.number(r.eval(env));
                return switch (op) {
                    case "<" -> a < b;
                    case "<=" -> a <= b;
                    case ">" -> a > b;
                    default -> a >= b;
                };
            }, l, r);
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            boolean minus = take().is("-");
            Node l = left;
            Node r = multiplicative();
            left = combine(env -> {
                double a = Values.number(l.eval(env));
                double b = Values.number(r.eval(env));
                return minus ? a - b : a + b;
            }, l, r);
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().is("*") || peek().isWord("div") || peek().isWord("mod")) {
            String op = take().text;
            Node l = left;
            Node r = unary();
            left = combine(env -> {
                double a = Values.number(l.eval(env));
                double b = Values.number(r.eval(env));
                return switch (op) {
                    case "*" -> a * b;
                    case "div" -> a / b;
                    default -> a % b;
                };
            }, l, r);
        }
        return left;
    }

    private Node unary() {
        if (peek().is("-")) {
            take();
            Node operand = unary();
            return combine(env -> -Values.number(operand.eval(env)), operand);
        }
        return primary();
    }

    private Node primary() {
        Token t = take();
        switch (t.kind) {
            case NUMBER: {
                Double value = Double.valueOf(t.text);
                return env -> value;
            }
            case STRING: {
                String value = t.text;
                return env -> value;
            }
            case REF:
                return new Ref(t.text);
            case SELF:
                return new Self();
            case WORD:
                return call(t);
            case END:
                throw new ExpressionException("survey.expr.unexpected-end", t.position);
            default:
                if (t.is("(")) {
                    Node inner = or();
                    expect(")");
                    return inner;
                }
                throw new ExpressionException("survey.expr.unexpected", t.position, t.text);
        }
    }

    private Node call(Token name) {
        Integer arity = ARITY.get(name.text);
        if (arity == null) {
            throw new ExpressionException("survey.expr.unknown-function", name.position, name.text);
        }
        expect("(");
        List<Node> args = new ArrayList<>();
        List<Token> firsts = new ArrayList<>();
        boolean more = !peek().is(")");
        while (more) {
            firsts.add(peek());
            args.add(or());
            more = peek().is(",");
            if (more) {
                take();
            }
        }
        expect(")");
        if (args.size() != arity) {
            throw new ExpressionException("survey.expr.arity", name.position, name.text, arity, args.size());
        }
        Node[] a = args.toArray(Node[]::new);
        Node body = switch (name.text) {
            case "not" -> env -> !Values.bool(a[0].eval(env));
            case "selected" -> env -> Values.tokens(a[0].eval(env)).contains(Values.string(a[1].eval(env)).strip());
            case "count-selected" -> env -> (double) Values.tokens(a[0].eval(env)).size();
            case "string-length" -> env -> {
                String s = Values.string(a[0].eval(env));
                return (double) s.codePointCount(0, s.length());
            };
            case "regex" -> regex(a, firsts.get(1));
            case "today" -> Expression.Env::today;
            case "true" -> env -> Boolean.TRUE;
            default -> env -> Boolean.FALSE;
        };
        return combine(body, a);
    }

    private static Node regex(Node[] a, Token patternToken) {
        if (patternToken.kind == Kind.STRING) {
            Pattern pattern = compile(patternToken.text, patternToken.position);
            return env -> pattern.matcher(Values.string(a[0].eval(env))).find();
        }
        return env -> {
            try {
                return Pattern.compile(Values.string(a[1].eval(env))).matcher(Values.string(a[0].eval(env))).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        };
    }

    private static Pattern compile(String regex, int position) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExpressionException("survey.expr.bad-regex", position, regex);
        }
    }

    /** Wraps {@code body} so that references and the use of {@code .} of its parts stay visible. */
    private static Node combine(Node body, Node... parts) {
        return new Node() {
            @Override
            public Object eval(Expression.Env env) {
                return body.eval(env);
            }

            @Override
            public void collect(java.util.Set<String> names) {
                for (Node p : parts) {
                    p.collect(names);
                }
            }

            @Override
            public boolean usesSelf() {
                for (Node p : parts) {
                    if (p.usesSelf()) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    private boolean word(String w) {
        if (peek().isWord(w)) {
            take();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            if (t.kind == Kind.END) {
                throw new ExpressionException("survey.expr.missing", t.position, symbol);
            }
            throw new ExpressionException("survey.expr.expected", t.position, symbol, t.text);
        }
        take();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    private record Ref(String name) implements Node {
        @Override
        public Object eval(Expression.Env env) {
            String answer = env.answer(name);
            return answer == null ? "" : answer;
        }

        @Override
        public void collect(java.util.Set<String> names) {
            names.add(name);
        }
    }

    private record Self() implements Node {
        @Override
        public Object eval(Expression.Env env) {
            String answer = env.self();
            return answer == null ? "" : answer;
        }

        @Override
        public boolean usesSelf() {
            return true;
        }
    }

    enum Kind { NUMBER, STRING, REF, SELF, WORD, SYMBOL, END }

    record Token(Kind kind, String text, int position) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isWord(String w) {
            return kind == Kind.WORD && text.equals(w);
        }
    }

    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    out.add(new Token(Kind.END, "", i + 1));
                    return out;
                }
                out.add(token());
            }
        }

        private Token token() {
            int start = i;
            char c = s.charAt(i);
            if (c == '$') {
                if (i + 1 >= s.length() || s.charAt(i + 1) != '{') {
                    throw new ExpressionException("survey.expr.bad-reference", start + 1);
                }
                int close = s.indexOf('}', i + 2);
                if (close < 0) {
                    throw new ExpressionException("survey.expr.unclosed-reference", start + 1);
                }
                String name = s.substring(i + 2, close).strip();
                if (!FormNames.valid(name)) {
                    throw new ExpressionException("survey.expr.bad-reference-name", start + 1, name);
                }
                i = close + 1;
                return new Token(Kind.REF, name, start + 1);
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String number = s.substring(start, i);
                if (number.chars().filter(ch -> ch == '.').count() > 1) {
                    throw new ExpressionException("survey.expr.bad-number", start + 1, number);
                }
                return new Token(Kind.NUMBER, number, start + 1);
            }
            if (c == '.') {
                i++;
                return new Token(Kind.SELF, ".", start + 1);
            }
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new ExpressionException("survey.expr.unclosed-string", start + 1);
                }
                i = close + 1;
                return new Token(Kind.STRING, s.substring(start + 1, close), start + 1);
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                        || s.charAt(i) == '_')) {
                    i++;
                }
                return new Token(Kind.WORD, s.substring(start, i), start + 1);
            }
            for (String op : new String[] { "!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", "," }) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return new Token(Kind.SYMBOL, op, start + 1);
                }
            }
            throw new ExpressionException("survey.expr.unexpected-char", start + 1, String.valueOf(c));
        }
    }
}
