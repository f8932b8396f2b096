package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transformer operators, with cases from upstream's transformer tests. */
class TransformersTest {

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void addValuesMapsListsAndExpressions() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: add
                  field: body.new
                  value: randomMessage
                - type: add
                  field: attributes.map
                  value: {a: 1, b: [x, 2.5]}
                - type: add
                  field: resource.key
                  value: 'EXPR(body.key + "_suffix")'
                - type: add
                  field: attributes.num
                  value: 'EXPR(len(body.key) * 2)'
                """);
        Entry e = p.runOne(body("key", "val"));
        assertThat(e.body()).isEqualTo(Map.of("key", "val", "new", "randomMessage"));
        assertThat(e.attributes()).containsEntry("map", Map.of("a", 1L, "b", List.of("x", 2.5))).containsEntry("num", 6L);
        assertThat(e.resource()).containsEntry("key", "val_suffix");
        // each entry gets its own copy of a map value
        @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) e.attributes().get("map");
        map.put("mutated", true);
        assertThat(p.runOne(body("key", "v2")).attributes().get("map")).isEqualTo(Map.of("a", 1L, "b", List.of("x", 2.5)));
    }

    @Test
    void copyAndMove() {
        PipelineTestSupport copy = new PipelineTestSupport("- type: copy\n  from: body.key\n  to: attributes.k\n");
        Entry c = copy.runOne(body("key", "v"));
        assertThat(c.body()).isEqualTo(Map.of("key", "v"));
        assertThat(c.attributes()).containsEntry("k", "v");
        assertThat(copy.runOne(body("other", 1)).attributes()).isNull();
        assertThat(copy.logger.entries().toString()).contains("copy: from field does not exist in this entry: body.key");

        PipelineTestSupport move = new PipelineTestSupport("""
                - type: move
                  from: body.wrapper.message
                  to: body
                """);
        assertThat(move.runOne(body("wrapper", body("message", "hello"))).body()).isEqualTo("hello");
        PipelineTestSupport moveMap = new PipelineTestSupport("- type: move\n  from: body.nested\n  to: attributes.nested\n");
        Entry m = moveMap.runOne(body("nested", body("a", 1L), "keep", true));
        assertThat(m.body()).isEqualTo(Map.of("keep", true));
        assertThat(m.attributes()).containsEntry("nested", Map.of("a", 1L));
        assertThat(moveMap.runOne(body("x", 1L)).attributes()).isNull();
        assertThat(moveMap.logger.entries().toString()).contains("move: field does not exist: body.nested");
    }

    @Test
    void removeAndRetain() {
        PipelineTestSupport remove = new PipelineTestSupport("- type: remove\n  field: body.a\n");
        assertThat(remove.runOne(body("a", 1L, "b", 2L)).body()).isEqualTo(Map.of("b", 2L));
        PipelineTestSupport all = new PipelineTestSupport("- type: remove\n  field: attributes\n");
        Entry e = new Entry("x");
        e.addAttribute("k", "v");
        all.pipeline.process(e);
        assertThat(all.out.get(0).attributes()).isNull();

        PipelineTestSupport retain = new PipelineTestSupport("- type: retain\n  fields: [body.a, attributes.keep]\n");
        Entry r = new Entry(body("a", 1L, "b", 2L));
        r.addAttribute("keep", 1L);
        r.addAttribute("drop", 2L);
        r.addResourceKey("res", "untouched");
        retain.pipeline.process(r);
        Entry out = retain.out.get(0);
        assertThat(out.body()).isEqualTo(Map.of("a", 1L));
        assertThat(out.attributes()).isEqualTo(Map.of("keep", 1L));
        assertThat(out.resource()).isEqualTo(Map.of("res", "untouched"));
    }

    @Test
    void flatten() {
        PipelineTestSupport p = new PipelineTestSupport("- type: flatten\n  field: body.nested\n");
        assertThat(p.runOne(body("key", "v", "nested", body("a", 1L, "deeper", body("b", 2L)))).body())
                .isEqualTo(Map.of("key", "v", "a", 1L, "deeper", Map.of("b", 2L)));
        assertThat(p.runOne(body("nested", "scalar")).body()).isEqualTo(Map.of("nested", "scalar"));
        assertThat(p.logger.entries().toString()).contains("apply flatten: field body.nested is not a map");
    }

    @Test
    void filterDropsMatchesAndHonoursDropRatio() {
        PipelineTestSupport p = new PipelineTestSupport("- type: filter\n  expr: 'body.level == \"debug\"'\n");
        p.run(body("level", "debug"), body("level", "info"), "not a map");
        // as upstream: an expression error (fetching a key from a string) passes nothing on
        assertThat(p.out).extracting(Entry::body).containsExactly(body("level", "info"));
        assertThat(p.logger.contains("Running expressing returned an error")).isTrue();

        PipelineTestSupport half = new PipelineTestSupport("- type: filter\n  expr: 'true'\n  drop_ratio: 0.5\n");
        for (int i = 0; i < 2000; i++) {
            half.pipeline.process(new Entry("x"));
        }
        assertThat(half.out.size()).isBetween(800, 1200);
    }

    @Test
    void routerRoutesSetsAttributesAndDropsUnmatched() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: router
                  routes:
                    - expr: 'body.format == "json"'
                      output: json
                      attributes:
                        routed: 'EXPR("to-" + body.format)'
                    - expr: 'body.format == "text"'
                      output: [text, json]
                - type: add
                  id: json
                  field: attributes.route
                  value: json
                  output: done
                - type: add
                  id: text
                  field: attributes.route
                  value: text
                - type: noop
                  id: done
                """);
        p.run(body("format", "json"), body("format", "text"), body("format", "other"));
        assertThat(p.out).extracting(e -> e.attributes().get("route")).containsExactly("json", "text", "json");
        assertThat(p.out.get(0).attributes()).containsEntry("routed", "to-json");
        assertThat(p.out.get(1)).isNotSameAs(p.out.get(2));

        PipelineTestSupport withDefault = new PipelineTestSupport("""
                - type: router
                  routes:
                    - expr: 'body == "a"'
                      output: a
                  default: other
                - type: noop
                  id: a
                  output: other
                - type: add
                  id: other
                  field: attributes.seen
                  value: true
                """);
        withDefault.run("a", "b");
        assertThat(withDefault.out).hasSize(2).allSatisfy(e -> assertThat(e.attributes()).containsEntry("seen", true));
    }

    @Test
    void regexReplaceExpandsGroupsLikeGo() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: regex_replace
                  regex: '(?P<area>\\d{3})-(\\d{4})'
                  replace_with: '${area}/$2/$1x/$$'
                """);
        assertThat(p.runOne("call 555-1234 or 666-0000").body()).isEqualTo("call 555/1234//$ or 666/0000//$");
        PipelineTestSupport ansi = new PipelineTestSupport("- type: regex_replace\n  regex_name: ansi_control_sequences\n");
        assertThat(ansi.runOne("\u001b[31mred\u001b[0m").body()).isEqualTo("red");
        assertThat(ansi.runOne(body("not", "a string")).body()).isEqualTo(body("not", "a string"));
        assertThat(ansi.logger.entries().toString()).contains("cannot be handled");
    }

    @Test
    void unquoteLikeStrconv() {
        PipelineTestSupport p = new PipelineTestSupport("- type: unquote\n  field: body\n");
        assertThat(p.runOne("\"a\\tb\\u00e9\\x41\\101\"").body()).isEqualTo("a\tbéAA");
        assertThat(p.runOne("`raw\\n`").body()).isEqualTo("raw\\n");
        assertThat(p.runOne("'x'").body()).isEqualTo("x");
        assertThat(p.runOne("'xy'").body()).isEqualTo("'xy'");
        assertThat(p.runOne("plain").body()).isEqualTo("plain");
        assertThat(p.logger.entries().toString()).contains("invalid syntax");
    }

    @Test
    void assignKeys() {
        PipelineTestSupport p = new PipelineTestSupport("- type: assign_keys\n  field: body\n  keys: [a, b]\n");
        assertThat(p.runOne(new ArrayList<>(List.of(1L, "two"))).body()).isEqualTo(Map.of("a", 1L, "b", "two"));
        assertThat(p.runOne(new ArrayList<>(List.of(1L))).body()).isEqualTo(List.of(1L));
        assertThat(p.logger.entries().toString()).contains("contains 1 values while expected keys are [a b] contain 2 keys");
    }

    @Test
    void noopAndIfOnTransformers() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: noop
                - type: add
                  if: 'body startsWith "tag"'
                  field: attributes.tagged
                  value: true
                """);
        p.run("tag me", "leave me");
        assertThat(p.out.get(0).attributes()).containsEntry("tagged", true);
        assertThat(p.out.get(1).attributes()).isNull();
    }
}
