package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

/** A section type shared by components gets component-specific defaults from its enclosing record. */
class OwnerDefaultsTest {

    public record Server(String endpoint, int maxConns) {
        public static Server defaults() {
            return new Server("", 10);
        }
    }

    public record Protocols(Server grpc, Server http) {
        public static Server grpcDefaults() {
            return new Server("localhost:4317", 10);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Protocols merge(String json) throws Exception {
        DefaultsMerger merger = new DefaultsMerger(mapper);
        JsonNode defaults = mapper.valueToTree(new Protocols(null, null));
        JsonNode merged = merger.merge(mapper.constructType(Protocols.class), defaults, mapper.readTree(json));
        return mapper.treeToValue(merged, Protocols.class);
    }

    @Test
    void aBareSectionTakesTheOwnersDefaultsForIt() throws Exception {
        assertThat(merge("{\"grpc\": null}").grpc()).isEqualTo(new Server("localhost:4317", 10));
    }

    @Test
    void writtenKeysOverlayTheOwnersDefaults() throws Exception {
        assertThat(merge("{\"grpc\": {\"max_conns\": 3}}").grpc()).isEqualTo(new Server("localhost:4317", 3));
    }

    @Test
    void withoutOwnerDefaultsTheTypeDefaultsApply() throws Exception {
        Protocols p = merge("{\"http\": null}");
        assertThat(p.http()).isEqualTo(Server.defaults());
        assertThat(p.grpc()).isNull();
    }
}
