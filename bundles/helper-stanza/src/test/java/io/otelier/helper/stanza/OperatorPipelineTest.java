package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OperatorPipelineTest {

    private static Map<String, Object> op(String type, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (id != null) {
            m.put("id", id);
        }
        if (type.equals("copy")) {
            m.put("from", "body.a");
            m.put("to", "body.b");
        }
        return m;
    }

    static Stream<Arguments> deduplication() {
        // upstream pipeline/config_test.go TestDeduplicateIDs
        return Stream.of(
                Arguments.of("one_op_rename", List.of("json_parser", "json_parser"),
                        List.of("json_parser", "json_parser1")),
                Arguments.of("multi_op_rename", List.of("json_parser", "json_parser", "json_parser", "json_parser",
                        "json_parser"), List.of("json_parser", "json_parser1", "json_parser2", "json_parser3",
                        "json_parser4")),
                Arguments.of("different_ops", List.of("json_parser", "json_parser", "json_parser", "copy", "copy"),
                        List.of("json_parser", "json_parser1", "json_parser2", "copy", "copy1")),
                Arguments.of("unordered", List.of("json_parser", "copy", "json_parser", "copy", "json_parser"),
                        List.of("json_parser", "copy", "json_parser1", "copy1", "json_parser2")),
                Arguments.of("already_renamed", List.of("json_parser", "json_parser", "json_parser", "json_parser3",
                        "json_parser"), List.of("json_parser", "json_parser1", "json_parser2", "json_parser3",
                        "json_parser4")),
                Arguments.of("iterate_twice", List.of("json_parser", "json_parser", "json_parser3", "json_parser",
                        "json_parser"), List.of("json_parser", "json_parser1", "json_parser3", "json_parser2",
                        "json_parser4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deduplication")
    void deduplicatesDefaultIds(String name, List<String> ids, List<String> expected) {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (String id : ids) {
            String type = id.startsWith("copy") ? "copy" : "json_parser";
            ops.add(op(type, id.equals(type) ? null : id));
        }
        OperatorPipeline pipeline = OperatorPipeline.build(ops, new io.otelier.testkit.RecordingLogger(), e -> { });
        assertThat(pipeline.operatorIds()).isEqualTo(expected);
    }

    static Stream<Arguments> configErrors() {
        return Stream.of(
                Arguments.of("- type: json_parser\n  bogus: 1\n", "operators::0::bogus", "has invalid keys: bogus"),
                Arguments.of("- type: noop\n- type: nope\n", "operators::1::type", "unsupported type 'nope'"),
                Arguments.of("- id: x\n", "operators::0", "missing required field 'type'"),
                Arguments.of("- type: json_array_parser\n", "operators::0::type",
                        "operator type 'json_array_parser' is not supported by this distribution yet"),
                Arguments.of("- type: noop\n  output: missing\n", "operators::0::output",
                        "the output does not exist in the pipeline"),
                Arguments.of("- type: filter\n  id: f\n  expr: 'body =='\n", "operators::0::expr",
                        "operator \"f\": failed to compile expression 'body =='"),
                Arguments.of("- type: noop\n  if: 'body.a ==='\n", "operators::0::if",
                        "failed to compile expression 'body.a ==='"),
                Arguments.of("- type: regex_parser\n  regex: 'no groups'\n", "operators::0::regex",
                        "no named capture groups"),
                Arguments.of("- type: regex_parser\n", "operators::0::regex", "missing required field 'regex'"),
                Arguments.of("- type: json_parser\n  on_error: explode\n", "operators::0::on_error",
                        "invalid `on_error` field"),
                Arguments.of("- type: json_parser\n  parse_from: foo.bar\n", "operators::0::parse_from",
                        "unrecognized prefix"),
                Arguments.of("- type: json_parser\n  body: attributes.x\n  parse_to: body\n", "operators::0::parse_to",
                        "`parse_to: body` not allowed when `body` is configured"),
                Arguments.of("- type: json_parser\n  severity:\n    parse_from: body.x\n    bad: 1\n",
                        "operators::0::severity::bad", "has invalid keys: bad"),
                Arguments.of("- type: time_parser\n  layout: '%Y'\n", "operators::0::parse_from",
                        "missing required parameter 'parse_from'"),
                Arguments.of("- type: time_parser\n  parse_from: body\n  layout: '%Q'\n", "operators::0::layout",
                        "unsupported ctimefmt.toNative() directive: %Q"),
                Arguments.of("- type: time_parser\n  parse_from: body\n  layout_type: epoch\n  layout: h\n",
                        "operators::0::layout", "invalid `layout` for `epoch` type"),
                Arguments.of("- type: time_parser\n  parse_from: body\n  layout: '%Y'\n  location: Mars/Base\n",
                        "operators::0::location", "failed to load location Mars/Base"),
                Arguments.of("- type: noop\n  id: a\n  output: b\n- type: noop\n  id: b\n  output: a\n", "operators",
                        "pipeline has a circular dependency"),
                Arguments.of("- type: noop\n  id: a\n- type: copy\n  id: a\n  from: body\n  to: body.x\n", "operators",
                        "operator with id 'a' already exists"),
                Arguments.of("- type: recombine\n  combine_field: body\n", "operators::0::is_first_entry",
                        "one of is_first_entry and is_last_entry must be set"),
                Arguments.of("- type: csv_parser\n", "operators::0::header",
                        "missing required field 'header' or 'header_attribute'"),
                Arguments.of("- type: key_value_parser\n  delimiter: ' '\n", "operators::0::pair_delimiter",
                        "delimiter and pair_delimiter cannot be the same value"),
                Arguments.of("- type: syslog_parser\n", "operators::0::protocol", "missing field 'protocol'"),
                Arguments.of("- type: filter\n  expr: 'true'\n  drop_ratio: 2\n", "operators::0::drop_ratio",
                        "drop_ratio must be a number between 0 and 1"),
                Arguments.of("- type: container\n  format: podman\n", "operators::0::format", "invalid `format` field"),
                Arguments.of("- type: router\n  routes:\n    - expr: 'true'\n      output: x\n      extra: 1\n",
                        "operators::0::routes::0::extra", "has invalid keys: extra"),
                Arguments.of("- type: add\n  field: attributes.x\n  value: 'EXPR(1 +)'\n", "operators::0::value",
                        "failed to compile expression"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("configErrors")
    void refusesBadConfigNamingTheKey(String yaml, String path, String problem) {
        assertThatThrownBy(() -> OperatorPipeline.validate(PipelineTestSupport.operators(yaml)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(String.join("::", ((ConfigException) e).path())).isEqualTo(path))
                .hasMessageContaining(problem);
    }

    @Test
    void emptyPipelinePassesEntriesStraightThrough() {
        PipelineTestSupport p = new PipelineTestSupport("");
        assertThat(p.run("a", "b")).extracting(Entry::body).containsExactly("a", "b");
    }

    @Test
    void explicitOutputSkipsOperatorsAndMultipleOutputsGetCopies() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: add
                  field: attributes.first
                  value: 1
                  output: [second, third]
                - type: add
                  id: skipped
                  field: attributes.skipped
                  value: yes
                - type: add
                  id: second
                  field: attributes.route
                  value: second
                  output: done
                - type: add
                  id: third
                  field: attributes.route
                  value: third
                - type: noop
                  id: done
                """);
        List<Entry> out = p.run("line");
        assertThat(out).hasSize(2);
        assertThat(out).extracting(e -> e.attributes().get("route")).containsExactly("second", "third");
        assertThat(out).allSatisfy(e -> assertThat(e.attributes()).containsEntry("first", 1L)
                .doesNotContainKey("skipped"));
        assertThat(out.get(0)).isNotSameAs(out.get(1));
    }

    @Test
    void errorsAreLoggedAtErrorUnlessQuietAndThrottled() {
        PipelineTestSupport loud = new PipelineTestSupport("- type: json_parser\n");
        for (int i = 0; i < 50; i++) {
            loud.pipeline.process(new Entry("not json"));
        }
        assertThat(loud.out).hasSize(50);
        assertThat(loud.logger.at(io.otelier.api.telemetry.Level.ERROR)).hasSizeBetween(1, 20);

        PipelineTestSupport quiet = new PipelineTestSupport("- type: json_parser\n  on_error: drop_quiet\n");
        quiet.pipeline.process(new Entry("not json"));
        assertThat(quiet.out).isEmpty();
        assertThat(quiet.logger.at(io.otelier.api.telemetry.Level.ERROR)).isEmpty();
    }

    @Test
    void nothingThrowsOutOfProcess() {
        io.otelier.testkit.RecordingLogger log = new io.otelier.testkit.RecordingLogger();
        OperatorPipeline pipeline = OperatorPipeline.build(PipelineTestSupport.operators("- type: noop\n"), log, e -> {
            throw new IllegalStateException("sink broke");
        });
        pipeline.process(new Entry("x"));
        assertThat(log.entries().toString()).contains("sink broke");
    }
}
