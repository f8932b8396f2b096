package io.otelier.processor.memorylimiter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The record binds to exactly upstream's keys under snake_case naming (the runtime's binding convention). */
class ConfigKeysTest {

    @Test
    void propertiesAreUpstreamsKeys() {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        assertThat(mapper.getSerializationConfig().introspect(mapper.constructType(MemoryLimiterConfig.class))
                .findProperties()).extracting(p -> p.getName()).containsExactlyInAnyOrder("check_interval",
                        "min_gc_interval_when_soft_limited", "min_gc_interval_when_hard_limited",
                        "max_gc_interval_when_soft_limited", "max_gc_interval_when_hard_limited", "limit_mib",
                        "spike_limit_mib", "limit_percentage", "spike_limit_percentage");
    }
}
