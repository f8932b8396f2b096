package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void jsonParserThenConverter() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: json_parser
                  timestamp:
                    parse_from: attributes.time
                    layout: '%Y-%m-%dT%H:%M:%S.%fZ'
                  severity:
                    parse_from: attributes.level
                """);
        List<Entry> out = p.run("{\"time\":\"2024-01-02T03:04:05.123Z\",\"level\":\"warn\",\"n\":1,\"m\":{\"a\":true}}");
        assertThat(out).hasSize(1);
        Entry e = out.get(0);
        assertThat(e.attributes()).containsEntry("n", 1.0).containsEntry("m", Map.of("a", true));
        assertThat(e.timestamp()).isEqualTo(1704164645123000000L);
        assertThat(e.severityText()).isEqualTo("warn");
        Logs logs = EntryConverter.convert(out, "scope", "v1");
        assertThat(logs.logRecordCount()).isEqualTo(1);
        assertThat(logs.resourceLogs().get(0).scopeLogs().get(0).scope().name()).isEqualTo("scope");
    }
}
