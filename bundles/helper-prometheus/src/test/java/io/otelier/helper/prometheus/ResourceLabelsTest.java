package io.otelier.helper.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.Resource;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResourceLabelsTest {

    @Test
    void jobAndInstanceComeFromTheServiceAttributes() {
        Resource r = new Resource();
        r.attributes().put("service.name", "api").put("service.namespace", "shop").put("service.instance.id", "i-1")
                .put("host.name", "h");

        assertThat(ResourceLabels.job(r, true)).contains("shop/api");
        assertThat(ResourceLabels.instance(r, true)).contains("i-1");
        assertThat(ResourceLabels.targetInfoAttributes(r).asMap()).containsOnlyKeys("host.name");
    }

    @Test
    void emptyServiceNamesCountOnlyWhereTheExporterKeepsThem() {
        Resource r = new Resource();
        r.attributes().put("service.name", "").put("service.instance.id", "");

        assertThat(ResourceLabels.job(r, true)).isEmpty();
        assertThat(ResourceLabels.instance(r, true)).isEmpty();
        assertThat(ResourceLabels.job(r, false)).contains("");
        assertThat(ResourceLabels.instance(r, false)).contains("");
        assertThat(ResourceLabels.job(new Resource(), false)).isEmpty();
    }

    @Test
    void targetInfoTakesTheNamespace() {
        assertThat(ResourceLabels.targetInfoName("otel")).isEqualTo("otel_target_info");
        assertThat(ResourceLabels.targetInfoName("")).isEqualTo("target_info");
    }

    @Test
    void scopeAttributesBecomeOtelScopeLabels() {
        InstrumentationScope scope = new InstrumentationScope();
        scope.attributes().put("team.name", "a").put("name", "ignored");
        Map<String, String> out = new TreeMap<>();

        ScopeLabels.putAttributes(out, scope);

        assertThat(out).containsExactly(Map.entry("otel_scope_team_name", "a"));
        scope.attributes().put("ようこそ", "x");
        ScopeLabels.putAttributes(out, scope);
        assertThat(out).containsKey("otel_scope_____");
    }
}
