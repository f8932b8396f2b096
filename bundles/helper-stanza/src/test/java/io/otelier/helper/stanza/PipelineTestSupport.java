package io.otelier.helper.stanza;

import io.otelier.testkit.RecordingLogger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Builds pipelines from YAML operator lists, as a receiver would get them, and collects what comes out. */
final class PipelineTestSupport {

    final RecordingLogger logger = new RecordingLogger();
    final List<Entry> out = Collections.synchronizedList(new ArrayList<>());
    final OperatorPipeline pipeline;

    PipelineTestSupport(String operatorsYaml) {
        this.pipeline = OperatorPipeline.build(operators(operatorsYaml), logger, out::add);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> operators(String yaml) {
        Object parsed = new Yaml().load(yaml);
        return parsed == null ? List.of() : (List<Map<String, Object>>) parsed;
    }

    List<Entry> run(Object... bodies) {
        for (Object body : bodies) {
            pipeline.process(new Entry(body));
        }
        return out;
    }

    Entry runOne(Object body) {
        out.clear();
        pipeline.process(new Entry(body));
        return out.isEmpty() ? null : out.get(0);
    }
}
