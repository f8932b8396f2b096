package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.testkit.RecordingLogger;
import io.otelier.testkit.SinkConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdapterTest {

    @Test
    void convertsEveryFieldAsUpstream() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "v");
        body.put("i", 3L);
        body.put("d", 1.5);
        body.put("b", true);
        body.put("bytes", new byte[] {1, 2});
        body.put("list", List.of("x", 2L));
        body.put("nil", null);
        Entry e = new Entry(body).setTimestamp(1_000L).setObservedTimestamp(2_000L)
                .setSeverity(SeverityNumber.WARN2).setTraceId(new byte[] {1, 2, 3}).setSpanId(new byte[8])
                .setTraceFlags(new byte[] {1, 9});
        e.addAttribute("a", 1L);
        Logs logs = EntryConverter.convert(List.of(e), "default.scope", "1.2.3");
        ResourceLogs rl = logs.resourceLogs().get(0);
        assertThat(rl.scopeLogs().get(0).scope().name()).isEqualTo("default.scope");
        assertThat(rl.scopeLogs().get(0).scope().version()).isEqualTo("1.2.3");
        LogRecord r = rl.scopeLogs().get(0).logRecords().get(0);
        assertThat(r.timeUnixNano()).isEqualTo(1_000L);
        assertThat(r.observedTimeUnixNano()).isEqualTo(2_000L);
        assertThat(r.severityNumber()).isEqualTo(SeverityNumber.WARN2);
        assertThat(r.severityText()).as("default text of the severity").isEqualTo("WARN2");
        assertThat(r.traceId().toHex()).isEqualTo("01020300000000000000000000000000");
        assertThat(r.flags()).isEqualTo(1);
        assertThat(r.attributes().get("a")).contains(AnyValue.of(1L));
        List<KeyValue> kvs = r.body().kvListValue();
        assertThat(kvs).extracting(KeyValue::key).containsExactly("s", "i", "d", "b", "bytes", "list", "nil");
        assertThat(kvs.get(2).value()).isEqualTo(AnyValue.of(1.5));
        assertThat(kvs.get(4).value().type()).isEqualTo(AnyValue.Type.BYTES);
        assertThat(kvs.get(5).value()).isEqualTo(AnyValue.ofArray(AnyValue.of("x"), AnyValue.of(2L)));
        assertThat(kvs.get(6).value()).isEqualTo(AnyValue.empty());
    }

    @Test
    void groupsByResourceThenScopeInFirstSeenOrder() {
        Entry a1 = new Entry("a1").setScopeName("s1");
        a1.addResourceKey("host", "a");
        Entry b1 = new Entry("b1");
        b1.addResourceKey("host", "b");
        Entry a2 = new Entry("a2").setScopeName("s2");
        a2.addResourceKey("host", "a");
        Entry a3 = new Entry("a3").setScopeName("s1");
        a3.setResource(new LinkedHashMap<>(Map.of("host", "a")));
        Entry none = new Entry("none");
        Logs logs = EntryConverter.convert(List.of(a1, b1, a2, a3, none), "dflt", "v");
        assertThat(logs.resourceLogs().size()).isEqualTo(3);
        ResourceLogs a = logs.resourceLogs().get(0);
        assertThat(a.scopeLogs().size()).isEqualTo(2);
        assertThat(a.scopeLogs().get(0).scope().name()).isEqualTo("s1");
        assertThat(a.scopeLogs().get(0).scope().version()).isEmpty();
        assertThat(a.scopeLogs().get(0).logRecords().size()).isEqualTo(2);
        assertThat(logs.resourceLogs().get(1).scopeLogs().get(0).scope().name()).isEqualTo("dflt");
        assertThat(logs.resourceLogs().get(2).resource().attributes().isEmpty()).isTrue();
        assertThat(logs.logRecordCount()).isEqualTo(5);
    }

    @Test
    void entriesSharingOneResourceMapGroupAsEqualMapsDoAndKeepTheirOrder() {
        Map<String, Object> fileA = Map.of("file", "a");
        Map<String, Object> fileB = Map.of("file", "b");
        Map<String, Object> shared = Map.of("log.file.name", "a.log");
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // runs of entries with the same map object, an equal copy, another scope, then the other resource
            Entry entry = new Entry("line " + i).setResource(i % 4 == 3 ? fileB : i == 5 ? Map.copyOf(fileA) : fileA)
                    .setAttributes(shared);
            if (i == 2 || i == 9) {
                entry.setScopeName("other");
            }
            entry.setSeverity(i == 1 ? SeverityNumber.WARN : SeverityNumber.UNSPECIFIED);
            entries.add(entry);
        }

        Logs logs = EntryConverter.convert(entries, "dflt", "v");

        assertThat(logs.resourceLogs().size()).isEqualTo(2);
        ResourceLogs a = logs.resourceLogs().get(0);
        assertThat(a.scopeLogs().size()).isEqualTo(2);
        assertThat(bodies(a.scopeLogs().get(0).logRecords())).containsExactly("line 0", "line 1", "line 4",
                "line 5", "line 6", "line 8", "line 10");
        assertThat(bodies(a.scopeLogs().get(1).logRecords())).containsExactly("line 2", "line 9");
        assertThat(a.scopeLogs().get(1).scope().name()).isEqualTo("other");
        assertThat(bodies(logs.resourceLogs().get(1).scopeLogs().get(0).logRecords()))
                .containsExactly("line 3", "line 7", "line 11");
        LogRecord warn = a.scopeLogs().get(0).logRecords().get(1);
        assertThat(warn.severityNumber()).isEqualTo(SeverityNumber.WARN);
        assertThat(warn.severityText()).isEqualTo("WARN");
        LogRecord plain = a.scopeLogs().get(0).logRecords().get(0);
        assertThat(plain.severityNumber()).isEqualTo(SeverityNumber.UNSPECIFIED);
        assertThat(plain.severityText()).isEmpty();
        assertThat(plain.attributes().getOrNull("log.file.name")).isEqualTo(AnyValue.of("a.log"));
        assertThat(plain.isReadOnly()).isFalse();
        // the records belong to their scope's list: changing one through the tree works
        logs.resourceLogs().get(1).scopeLogs().get(0).logRecords().get(0).setSeverityText("x");
    }

    private static List<String> bodies(PList<LogRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.body().stringValue()));
        return out;
    }

    @Test
    void emitterBatchesBySizeAndInterval() throws Exception {
        List<List<Entry>> batches = Collections.synchronizedList(new ArrayList<>());
        LogEmitter emitter = new LogEmitter(batches::add, 3, Duration.ofMillis(50), "stanza-test-emitter");
        emitter.start();
        for (int i = 0; i < 4; i++) {
            emitter.accept(new Entry("e" + i));
        }
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batches.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(batches).hasSize(2);
        emitter.accept(new Entry("last"));
        emitter.stop();
        assertThat(batches).hasSize(3);
        assertThat(LogEmitter.DEFAULT_MAX_BATCH_SIZE).isEqualTo(100);
        assertThat(LogEmitter.DEFAULT_FLUSH_INTERVAL).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void forwarderConvertsAndLogsRefusalsWithoutRetryByDefault() {
        SinkConsumer<Logs> sink = new SinkConsumer<>();
        RecordingLogger log = new RecordingLogger();
        LogsForwarder fwd = new LogsForwarder(sink, RetryOnFailure.defaults(), log, "scope", "v", RequestContext.EMPTY);
        fwd.accept(List.of(new Entry("a"), new Entry("b")));
        assertThat(sink.itemCount()).isEqualTo(2);
        sink.failWith(new RetryableException("busy"));
        fwd.accept(List.of(new Entry("c")));
        assertThat(log.contains("Enable retry_on_failure to slow down reading logs and avoid dropping.")).isTrue();
        assertThat(RetryOnFailure.defaults()).isEqualTo(new RetryOnFailure(false, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    @Test
    void forwarderRetriesUntilAcceptedButNotPermanentErrors() {
        AtomicInteger calls = new AtomicInteger();
        List<Logs> accepted = new ArrayList<>();
        Consumer<Logs> flaky = (ctx, logs) -> {
            if (calls.incrementAndGet() < 3) {
                throw new RetryableException("not yet");
            }
            accepted.add(logs);
        };
        RetryOnFailure retry = new RetryOnFailure(true, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
        new LogsForwarder(flaky, retry, new RecordingLogger(), "s", "v", null).accept(List.of(new Entry("x")));
        assertThat(calls).hasValue(3);
        assertThat(accepted).hasSize(1);

        AtomicInteger permanentCalls = new AtomicInteger();
        RecordingLogger log = new RecordingLogger();
        Consumer<Logs> permanent = (ctx, logs) -> {
            permanentCalls.incrementAndGet();
            throw new PermanentException("never");
        };
        new LogsForwarder(permanent, retry, log, "s", "v", null).accept(List.of(new Entry("x")));
        assertThat(permanentCalls).hasValue(1);
        assertThat(log.contains("The error is not retryable. Dropping data.")).isTrue();

        RecordingLogger expired = new RecordingLogger();
        Consumer<Logs> always = (ctx, logs) -> {
            throw new ConsumerException("down");
        };
        new LogsForwarder(always, new RetryOnFailure(true, Duration.ofMillis(5), Duration.ofMillis(10),
                Duration.ofMillis(60)), expired, "s", "v", null).accept(List.of(new Entry("x")));
        assertThat(expired.contains("Max elapsed time expired. Dropping data.")).isTrue();
    }

    @Test
    void retryOnFailureValidation() {
        assertThatThrownBy(() -> new RetryOnFailure(true, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO).validate())
                .isInstanceOf(ConfigException.class).hasMessageContaining("initial_interval");
        assertThat(new RetryOnFailure(true, null, null, null)).isEqualTo(RetryOnFailure.defaults().withEnabled(true));
    }

    @Test
    void decoratorSetsAttributesThenResourceWithExpressions() {
        EntryDecorator d = EntryDecorator.of(Map.of("static", "v", "dyn", "EXPR(body + \"!\")"),
                Map.of("res", "EXPR(attributes.static)"));
        Entry e = new Entry("hi");
        d.decorate(e);
        assertThat(e.attributes()).isEqualTo(Map.of("static", "v", "dyn", "hi!"));
        assertThat(e.resource()).isEqualTo(Map.of("res", "v"));
        assertThat(EntryDecorator.of(null, null).isEmpty()).isTrue();
        assertThatThrownBy(() -> EntryDecorator.of(Map.of("k", "EXPR(1 +)"), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("attributes::k:");
        assertThatThrownBy(() -> EntryDecorator.of(Map.of("k", "EXPR(body.n)"), null).decorate(new Entry(Map.of("n", 1L))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("non-string");
    }

    @Test
    void fullChainFromLinesToConsumer() throws Exception {
        SinkConsumer<Logs> sink = new SinkConsumer<>();
        LogsForwarder fwd = new LogsForwarder(sink, RetryOnFailure.defaults(), new RecordingLogger(),
                UpstreamCorpusTest.FILELOG_SCOPE, "0.1.0", RequestContext.EMPTY);
        LogEmitter emitter = new LogEmitter(fwd);
        OperatorPipeline pipeline = OperatorPipeline.build(PipelineTestSupport.operators("- type: json_parser\n"),
                new RecordingLogger(), emitter);
        emitter.start();
        pipeline.start();
        for (int i = 0; i < 250; i++) {
            pipeline.process(new Entry("{\"i\":" + i + "}"));
        }
        assertThat(sink.await(() -> sink.itemCount() == 250, 5, TimeUnit.SECONDS)).isTrue();
        pipeline.stop();
        emitter.stop();
        fwd.stop();
        assertThat(sink.batchCount()).isGreaterThanOrEqualTo(3);
        Logs first = sink.received().get(0);
        assertThat(first.resourceLogs().get(0).scopeLogs().get(0).logRecords().get(0).attributes().get("i"))
                .contains(AnyValue.of(0.0));
    }
}
