package io.otelier.helper.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.Resource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceToTelemetryTest {

    private final Resource resource = new Resource();

    {
        resource.attributes().put("service.name", "api").put("service.instance.id", "i1").put("host.name", "h")
                .put("k8s.pod.name", "p").put("a", "resource");
    }

    /** Which resource attributes reach the point (upstream's resourcetotelemetry tests, in short). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            off                        | false | false | ''              | ''           | a                                                        | point
            enabled                    | true  | false | ''              | ''           | a,host.name,k8s.pod.name,service.instance.id,service.name | resource
            without service attributes | true  | true  | ''              | ''           | a,host.name,k8s.pod.name                                 | resource
            included exact and glob    | false | false | host.name,k8s.* | ''           | a,host.name,k8s.pod.name                                 | point
            excluded only              | false | false | ''              | service.*,a  | a,host.name,k8s.pod.name                                 | point
            included minus excluded    | false | false | *               | k8s.po?.name | a,host.name,service.instance.id,service.name             | resource
            """)
    void chosenAttributes(String name, boolean enabled, boolean excludeService, String included, String excluded,
            String want, String aFrom) {
        ResourceToTelemetry r = new ResourceToTelemetry(enabled, excludeService, list(included), list(excluded));
        Attributes point = new Attributes().put("a", "point");

        Attributes got = r.pointAttributes(resource, point);

        assertThat(got.keys()).containsExactlyInAnyOrderElementsOf(list(want));
        assertThat(got.getOrNull("a")).isEqualTo(AnyValue.of(aFrom));
    }

    @Test
    void upstreamsRulesForTheTwoSections() {
        ResourceToTelemetry legacy = ResourceToTelemetry.enabled(true);
        ResourceToTelemetry patterns = new ResourceToTelemetry(false, false, List.of("*"), List.of());

        assertThatThrownBy(() -> ResourceToTelemetry.validatePair(legacy, patterns)).isInstanceOf(
                ConfigException.class).hasMessageContaining("cannot configure both resource_to_telemetry_conversion"
                        + " and resource_constant_labels");
        assertThatThrownBy(() -> ResourceToTelemetry.validatePair(ResourceToTelemetry.none(), legacy))
                .hasMessageContaining("enabled and exclude_service_attributes are not supported under"
                        + " resource_constant_labels");
        assertThatThrownBy(() -> new ResourceToTelemetry(true, false, List.of("a"), List.of()).validate())
                .hasMessageContaining("cannot configure both legacy enabled/exclude_service_attributes and"
                        + " included/excluded patterns");
        assertThat(ResourceToTelemetry.effective(legacy, ResourceToTelemetry.none())).isEqualTo(legacy);
        assertThat(ResourceToTelemetry.effective(ResourceToTelemetry.none(), patterns)).isEqualTo(patterns);
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }
}
