package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.testkit.RecordingLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerAndRecombineTest {

    private static final String K8S_PATH =
            "/var/log/pods/some_kube-scheduler-kind-control-plane_49cc7c1fd3702c40b2686ea7486091d3/kube-scheduler43/1.log";

    private static Entry line(String body, String path) {
        Entry e = new Entry(body);
        e.addAttribute("log.file.path", path);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object body) {
        return (Map<String, Object>) body;
    }

    private static void await(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void dockerLineWithKubernetesMetadata() {
        PipelineTestSupport p = new PipelineTestSupport("- type: container\n");
        p.pipeline.process(line("{\"log\":\"INFO: log line here\",\"stream\":\"stdout\",\"time\":\"2029-03-30T08:31:20.545192187Z\"}",
                K8S_PATH));
        Entry e = p.out.get(0);
        assertThat(e.body()).isEqualTo("INFO: log line here");
        assertThat(e.attributes()).isEqualTo(Map.of("log.iostream", "stdout", "log.file.path", K8S_PATH));
        assertThat(e.timestamp()).isEqualTo(1869553880545192187L);
        assertThat(e.resource()).isEqualTo(Map.of("k8s.pod.name", "kube-scheduler-kind-control-plane",
                "k8s.pod.uid", "49cc7c1fd3702c40b2686ea7486091d3", "k8s.container.name", "kube-scheduler43",
                "k8s.container.restart_count", "1", "k8s.namespace.name", "some"));
    }

    @Test
    void criPartialLinesAreJoinedPerFile() throws Exception {
        PipelineTestSupport p = new PipelineTestSupport("- type: container\n  add_metadata_from_filepath: false\n");
        p.pipeline.start();
        p.pipeline.process(line("2024-04-13T07:59:37.505201169Z stdout P standalone containerd line which i", "a.log"));
        p.pipeline.process(line("2024-04-13T07:59:37.505201169-10:00 stdout F other file", "b.log"));
        p.pipeline.process(line("2024-04-13T07:59:37.505201170Z stdout F s awesome!", "a.log"));
        await(p.out, 2);
        p.pipeline.stop();
        assertThat(p.out).extracting(Entry::body)
                .containsExactly("other file", "standalone containerd line which is awesome!");
        Entry joined = p.out.get(1);
        assertThat(joined.attributes()).containsEntry("logtag", "P").containsEntry("log.iostream", "stdout");
        assertThat(joined.timestamp()).isEqualTo(1712995177505201169L);
    }

    @Test
    void missingFilePathAndBadFormatFollowOnError() {
        PipelineTestSupport p = new PipelineTestSupport("- type: container\n  format: docker\n");
        p.pipeline.process(new Entry("{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"2029-03-30T08:31:20.545Z\"}"));
        assertThat(p.logger.entries().toString()).contains("'add_metadata_from_filepath' enabled");
        PipelineTestSupport auto = new PipelineTestSupport("- type: container\n  on_error: drop\n");
        auto.pipeline.process(new Entry("invalid container format"));
        assertThat(auto.out).isEmpty();
        assertThat(auto.logger.entries().toString()).contains("failed to detect a valid container log format");
    }

    @Test
    void recombineFirstEntryFlushesOnNextFirstAndOnStop() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: recombine
                  combine_field: body
                  is_first_entry: 'body matches "^[^ ]"'
                """);
        p.pipeline.start();
        for (String s : List.of("first", " a", " b", "second", " c")) {
            p.pipeline.process(line(s, "f.log"));
        }
        assertThat(p.out).extracting(Entry::body).containsExactly("first\n a\n b");
        p.pipeline.stop();
        assertThat(p.out).extracting(Entry::body).containsExactly("first\n a\n b", "second\n c");
    }

    @Test
    void recombineLastEntryOverwriteAndLimits() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: recombine
                  combine_field: body.msg
                  combine_with: ''
                  is_last_entry: 'body.end == true'
                  source_identifier: body.src
                  overwrite_with: newest
                  max_batch_size: 3
                """);
        p.pipeline.process(new Entry(new java.util.LinkedHashMap<>(Map.of("src", "s", "msg", "a", "n", 1L))));
        p.pipeline.process(new Entry(new java.util.LinkedHashMap<>(Map.of("src", "s", "msg", "b", "n", 2L, "end", true))));
        for (int i = 0; i < 3; i++) {
            p.pipeline.process(new Entry(new java.util.LinkedHashMap<>(Map.of("src", "t", "msg", "x", "n", 10L + i))));
        }
        assertThat(p.out).hasSize(2);
        assertThat(asMap(p.out.get(0).body())).containsEntry("msg", "ab").containsEntry("n", 2L);
        assertThat(asMap(p.out.get(1).body())).containsEntry("msg", "xxx").containsEntry("n", 12L);
    }

    @Test
    void recombineMaxLogSizeAndForceFlushPeriod() throws Exception {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: recombine
                  combine_field: body
                  is_first_entry: 'body startsWith "start"'
                  max_log_size: 12
                  force_flush_period: 100ms
                """);
        p.pipeline.start();
        p.pipeline.process(line("start 123456", "f"));
        p.pipeline.process(line("more", "f"));
        assertThat(p.out).extracting(Entry::body).containsExactly("start 123456\nmore");
        p.pipeline.process(line("start again", "f"));
        await(p.out, 2);
        assertThat(p.out).extracting(Entry::body).containsExactly("start 123456\nmore", "start again");
        p.pipeline.stop();
    }

    @Test
    void lifecycleLeavesNoThreads() throws Exception {
        List<Entry> out = Collections.synchronizedList(new ArrayList<>());
        LogEmitter emitter = new LogEmitter(out::addAll);
        OperatorPipeline pipeline = OperatorPipeline.build(PipelineTestSupport.operators("""
                - type: container
                  add_metadata_from_filepath: false
                - type: recombine
                  combine_field: body
                  is_first_entry: 'true'
                """), new RecordingLogger(), emitter);
        emitter.start();
        pipeline.start();
        pipeline.process(line("2024-04-13T07:59:37.505201169Z stdout F hello", "x.log"));
        pipeline.stop();
        emitter.stop();
        assertThat(out).extracting(Entry::body).containsExactly("hello");
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stanza-") && t.isAlive());
    }
}
