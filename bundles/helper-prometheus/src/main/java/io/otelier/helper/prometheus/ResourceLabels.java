package io.otelier.helper.prometheus;

import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What a resource contributes to Prometheus series: {@code job} and {@code instance} from the service attributes,
 * and the {@code target_info} metric carrying the other attributes (contrib's pkg/translator/prometheus).
 */
public final class ResourceLabels {

    public static final String JOB = "job";
    public static final String INSTANCE = "instance";
    public static final String TARGET_INFO = "target_info";
    /** The attributes already carried by {@code job} and {@code instance}, left out of {@code target_info}. */
    public static final List<String> IDENTIFYING = List.of("service.namespace", "service.name",
            "service.instance.id");

    private ResourceLabels() {
    }

    /**
     * {@code service.namespace/service.name}, or the name alone when there is no namespace attribute; empty
     * without a {@code service.name} attribute, or with an empty one when {@code skipEmpty} (remote write does).
     */
    public static Optional<String> job(Resource resource, boolean skipEmpty) {
        AnyValue service = resource.attributes().getOrNull("service.name");
        if (service == null || skipEmpty && service.asString().isEmpty()) {
            return Optional.empty();
        }
        AnyValue namespace = resource.attributes().getOrNull("service.namespace");
        return Optional.of(namespace == null ? service.asString()
                : namespace.asString() + "/" + service.asString());
    }

    /** {@code service.instance.id}, when set (and not empty, when {@code skipEmpty}). */
    public static Optional<String> instance(Resource resource, boolean skipEmpty) {
        AnyValue instance = resource.attributes().getOrNull("service.instance.id");
        return instance == null || skipEmpty && instance.asString().isEmpty() ? Optional.empty()
                : Optional.of(instance.asString());
    }

    /** The {@code target_info} series name under a namespace. */
    public static String targetInfoName(String namespace) {
        return namespace.isEmpty() ? TARGET_INFO : namespace + "_" + TARGET_INFO;
    }

    /** The resource's attributes without the identifying ones: {@code target_info}'s labels before naming. */
    public static Attributes targetInfoAttributes(Resource resource) {
        Attributes out = new Attributes();
        resource.attributes().forEach((k, v) -> {
            if (!IDENTIFYING.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
