package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.helper.stanza.internal.expr.ExprString;
import io.otelier.helper.stanza.internal.expr.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static Entry entry() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", "json");
        body.put("message", "LOG: hello END");
        body.put("code", 503.0);
        body.put("n", 4L);
        body.put("list", List.of("a", "b"));
        body.put("nested", Map.of("deep", true));
        Entry e = new Entry(body);
        e.addAttribute("log.file.name", "collector.log");
        e.addAttribute("env", "production");
        e.addResourceKey("host", "h1");
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "body.format == \"json\"|true",
        "body.format != 'json'|false",
        "body.message matches \"^LOG: .* END$\"|true",
        "body.message not matches \"^x\"|true",
        "attributes[\"log.file.name\"] == \"collector.log\"|true",
        "attributes.env == \"production\" and resource.host == \"h1\"|true",
        "attributes.env == \"dev\" or body.n > 3|true",
        "not (body.n >= 4)|false",
        "!(body.n < 4) && body.n <= 4|true",
        "body.code == 503|true",
        "body.code >= 500 and body.code < 600|true",
        "body.n + 1 == 5|true",
        "body.n * 2.5 == 10|true",
        "body.n / 8 == 0.5|true",
        "body.n % 3 == 1|true",
        "\"a\" in body.list|true",
        "\"z\" not in body.list|true",
        "\"deep\" in body.nested|true",
        "body.nested.deep == true|true",
        "body.missing == nil|true",
        "body.missing?.deeper == nil|true",
        "attributes.none == nil and resource.none == nil|true",
        "body.message contains \"hello\"|true",
        "body.message startsWith \"LOG\" && body.message endsWith \"END\"|true",
        "body.format in [\"json\", \"xml\"]|true",
        "(body.n > 10 ? \"big\" : \"small\") == \"small\"|true",
        "len(body.list) == 2|true",
        "lower(\"ABC\") == \"abc\" and upper(\"a\") == \"A\"|true",
        "body.list[0] == \"a\" and body.list[-1] == \"b\"|true",
        "$.format == \"json\"|true",
        "env(\"OTELIER_SURELY_UNSET_VARIABLE\") == \"\"|true",
        "timestamp != nil|true",
        "1 < 2 == true|true",
        "\"b\" > \"a\"|true",
        "body.missing ?? \"dflt\" == \"dflt\"|true"})
    void evaluatesLikeExprLang(String source, boolean expected) throws Exception {
        assertThat(Expression.compileBool(source).test(entry())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "body ==|unexpected token EOF",
        "body.a === 1|unrecognized character",
        "\"abc\"|expected bool, but got string",
        "1 + 2|",
        "(body.a|unexpected token EOF",
        "nope(1)|unknown func nope",
        "body matches \"(\"|error parsing regexp",
        "\"a\" - 1|invalid operation"})
    void refusesAtCompileTime(String source, String problem) {
        if (problem == null) {
            // arithmetic is fine for compile; it fails the bool check at run time
            assertThatThrownBy(() -> Expression.compileBool(source).test(entry())).hasMessageContaining("expected bool");
            return;
        }
        assertThatThrownBy(() -> Expression.compileBool(source)).hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "body.format > 1|invalid operation: > (mismatched types string and int)",
        "body.n && true|invalid operation",
        "body.message contains 1|invalid operation",
        "body.list[5] == 1|index out of range",
        "body.missing.deeper == nil|cannot fetch deeper from <nil>"})
    void failsAtRunTimeWithAnError(String source, String problem) throws Exception {
        Expression e = Expression.compileBool(source);
        assertThatThrownBy(() -> e.test(entry())).hasMessageContaining(problem);
    }

    @Test
    void exprStringsRenderEmbeddedExpressions() throws Exception {
        // upstream helper/expr_string_test.go cases
        Map<String, Object> env = Expression.environment(entry());
        assertThat(ExprString.compile("test").render(env)).isEqualTo("test");
        assertThat(ExprString.compile("EXPR( 'test' )").render(env)).isEqualTo("test");
        assertThat(ExprString.compile("prefix-EXPR( 'test' )").render(env)).isEqualTo("prefix-test");
        assertThat(ExprString.compile("prefix-EXPR('test')-suffix").render(env)).isEqualTo("prefix-test-suffix");
        assertThat(ExprString.compile("prefix-EXPR('test')-suffix-EXPR('test2' + 'test3')").render(env))
                .isEqualTo("prefix-test-suffix-test2test3");
        assertThat(ExprString.compile("EXPR('test' )EXPR('test2' )").render(env)).isEqualTo("testtest2");
        assertThat(ExprString.compile("EXPR(body.format)-EXPR(attributes.env)").render(env))
                .isEqualTo("json-production");
        assertThat(ExprString.compile("EXPR(string(body.code))").render(env)).isEqualTo("503");
        assertThat(ExprString.compile("EXPR('test'").render(env)).isEqualTo("EXPR('test'");
        assertThatThrownBy(() -> ExprString.compile("EXPR(body.n)").render(env))
                .hasMessage("embedded expression returned non-string 4");
    }
}
