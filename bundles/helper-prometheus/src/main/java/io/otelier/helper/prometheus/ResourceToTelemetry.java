package io.otelier.helper.prometheus;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.Resource;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which resource attributes become labels of every point: the {@code resource_to_telemetry_conversion} and
 * {@code resource_constant_labels} sections (contrib's pkg/resourcetotelemetry v0.165). {@code included} and
 * {@code excluded} are patterns with {@code *} and {@code ?}; when either is set they decide alone (nothing
 * included but something excluded means "all but the excluded"). Otherwise the deprecated {@code enabled} copies
 * every attribute, without the service ones under {@code exclude_service_attributes}. Copied attributes win over
 * a point's own.
 */
public record ResourceToTelemetry(boolean enabled, boolean excludeServiceAttributes, List<String> included,
        List<String> excluded) implements ComponentConfig {

    public ResourceToTelemetry {
        included = included == null ? List.of() : List.copyOf(included);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    public static ResourceToTelemetry none() {
        return new ResourceToTelemetry(false, false, List.of(), List.of());
    }

    public static ResourceToTelemetry enabled(boolean on) {
        return new ResourceToTelemetry(on, false, List.of(), List.of());
    }

    /** Nothing configured (upstream's {@code IsEmpty}). */
    public boolean isEmpty() {
        return !enabled && !excludeServiceAttributes && included.isEmpty() && excluded.isEmpty();
    }

    @Override
    public void validate() throws ConfigException {
        if ((enabled || excludeServiceAttributes) && (!included.isEmpty() || !excluded.isEmpty())) {
            throw ConfigException.at("included", "cannot configure both legacy enabled/exclude_service_attributes and"
                    + " included/excluded patterns; enabled and exclude_service_attributes are deprecated");
        }
    }

    /**
     * Upstream's rules for the pair of sections: {@code resource_constant_labels} takes only patterns, and only
     * one of the two may be set.
     */
    public static void validatePair(ResourceToTelemetry legacy, ResourceToTelemetry constantLabels)
            throws ConfigException {
        if (constantLabels.enabled() || constantLabels.excludeServiceAttributes()) {
            throw ConfigException.at("resource_constant_labels", "enabled and exclude_service_attributes are not"
                    + " supported under resource_constant_labels; use included and excluded instead");
        }
        if (!legacy.isEmpty() && !constantLabels.isEmpty()) {
            throw ConfigException.at("resource_constant_labels", "cannot configure both"
                    + " resource_to_telemetry_conversion and resource_constant_labels;"
                    + " resource_to_telemetry_conversion is deprecated");
        }
        try {
            legacy.validate();
        } catch (ConfigException e) {
            throw e.under("resource_to_telemetry_conversion");
        }
    }

    /** The section in effect: {@code resource_constant_labels} when set, else the deprecated one. */
    public static ResourceToTelemetry effective(ResourceToTelemetry legacy, ResourceToTelemetry constantLabels) {
        return constantLabels.isEmpty() ? legacy : constantLabels;
    }

    /** True when points get resource attributes at all. */
    public boolean active() {
        return !included.isEmpty() || !excluded.isEmpty() || enabled;
    }

    /** A point's attributes with the resource's chosen attributes over them; the point's own when none. */
    public Attributes pointAttributes(Resource resource, Attributes point) {
        if (!active()) {
            return point;
        }
        Attributes added = new Attributes();
        resource.attributes().forEach((k, v) -> {
            if (chosen(k)) {
                added.put(k, v);
            }
        });
        return added.isEmpty() ? point : new Attributes().putAll(point).putAll(added);
    }

    private boolean chosen(String key) {
        if (!included.isEmpty() || !excluded.isEmpty()) {
            if (matchesAny(excluded, key)) {
                return false;
            }
            return included.isEmpty() || matchesAny(included, key);
        }
        return !excludeServiceAttributes || !ResourceLabels.IDENTIFYING.contains(key);
    }

    private static boolean matchesAny(List<String> patterns, String key) {
        for (String p : patterns) {
            if (p.equals(key) || (p.indexOf('*') >= 0 || p.indexOf('?') >= 0) && glob(p).matcher(key).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Upstream's {@code globToRegexp}: {@code *} any run, {@code ?} one character, the rest literal. */
    private static Pattern glob(String pattern) {
        String regex = pattern.chars().mapToObj(c -> c == '*' ? ".*" : c == '?' ? "."
                : Pattern.quote(String.valueOf((char) c))).collect(Collectors.joining());
        return Pattern.compile(regex, Pattern.DOTALL);
    }
}
