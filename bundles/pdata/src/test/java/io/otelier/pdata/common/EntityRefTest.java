package io.otelier.pdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.Traces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRefTest {

    private static Traces withEntity() {
        Traces traces = new Traces();
        Resource resource = traces.resourceSpans().addNew().resource();
        resource.attributes().put("service.name", "cart").put("service.instance.id", "i-1");
        resource.entityRefs().addNew().setType("service").setSchemaUrl("https://schema")
                .setIdKeys(List.of("service.name")).setDescriptionKeys(List.of("service.instance.id"));
        return traces;
    }

    @Test
    void copiesTakePartInEqualityAndKeepTheKeysImmutable() {
        Traces traces = withEntity();
        Traces copy = traces.deepCopy();
        List<String> keys = new ArrayList<>(List.of("a"));
        EntityRef ref = new EntityRef().setIdKeys(keys);
        keys.add("b");

        assertThat(copy).isEqualTo(traces);
        copy.resourceSpans().get(0).resource().entityRefs().get(0).setType("host");
        assertThat(copy).isNotEqualTo(traces);
        assertThat(ref.idKeys()).containsExactly("a");
        assertThatThrownBy(() -> ref.idKeys().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void followsTheTreesReadOnlyState() {
        Traces traces = withEntity();
        traces.markReadOnly();
        Resource resource = traces.resourceSpans().get(0).resource();

        assertThatThrownBy(() -> resource.entityRefs().addNew()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resource.entityRefs().get(0).setType("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resource.entityRefs().get(0).setIdKeys(List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(resource.entityRefs().get(0).type()).isEqualTo("service");
    }
}
