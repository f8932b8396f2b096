package io.otelier.processor.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record binds to exactly upstream's keys under snake_case naming (the runtime's binding convention). */
class ConfigKeysTest {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void bindsUpstreamsKeys() {
        Map<String, Object> yaml = Map.of("send_batch_size", 10000, "send_batch_max_size", 11000,
                "metadata_keys", List.of("tenant_id"), "metadata_cardinality_limit", 10);
        BatchConfig config = mapper.convertValue(yaml, BatchConfig.class);
        assertThat(config).isEqualTo(new BatchConfig(null, 10000, 11000, List.of("tenant_id"), 10));
    }

    @Test
    void knowsNoOtherKeys() {
        assertThatThrownBy(() -> mapper.convertValue(Map.of("send_batch_sizes", 1), BatchConfig.class))
                .hasMessageContaining("send_batch_sizes");
        assertThat(mapper.getSerializationConfig().introspect(mapper.constructType(BatchConfig.class))
                .findProperties()).extracting(p -> p.getName()).containsExactlyInAnyOrder("timeout",
                        "send_batch_size", "send_batch_max_size", "metadata_keys", "metadata_cardinality_limit");
    }
}
