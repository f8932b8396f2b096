package io.otelier.exporter.debug.internal;

import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.InstrumentationScope;

/** The pieces every normal-verbosity line shares (upstream internal/normal/common.go). */
final class NormalText {

    private NormalText() {
    }

    /** {@code k=v} pairs joined by {@code separator}, values in AsString form. */
    static void appendAttributes(StringBuilder out, Attributes attributes, String separator) {
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(attributes.key(i)).append('=').append(attributes.value(i).asString());
        }
    }

    /** {@code " k=v k2=v2"}, or nothing when there are no attributes. */
    static void appendSpacedAttributes(StringBuilder out, Attributes attributes) {
        if (!attributes.isEmpty()) {
            out.append(' ');
            appendAttributes(out, attributes, " ");
        }
    }

    /** {@code " [schemaUrl]"}, or nothing. */
    static void appendResourceDetails(StringBuilder out, String schemaUrl) {
        if (!schemaUrl.isEmpty()) {
            out.append(" [").append(schemaUrl).append(']');
        }
    }

    /** {@code " name@version [schemaUrl]"} with the absent parts left out, or nothing at all. */
    static void appendScopeDetails(StringBuilder out, InstrumentationScope scope, String schemaUrl) {
        StringBuilder details = new StringBuilder();
        details.append(scope.name());
        if (!scope.version().isEmpty()) {
            details.append('@').append(scope.version());
        }
        if (!schemaUrl.isEmpty()) {
            if (details.length() > 0) {
                details.append(' ');
            }
            details.append('[').append(schemaUrl).append(']');
        }
        if (details.length() > 0) {
            out.append(' ').append(details);
        }
    }

    /** The header line of a resource or scope, e.g. {@code ResourceLog #0 [url] service.name=x}. */
    static void appendResourceLine(StringBuilder out, String label, int index, String schemaUrl, Attributes attributes) {
        out.append(label).append(" #").append(index);
        appendResourceDetails(out, schemaUrl);
        appendSpacedAttributes(out, attributes);
        out.append('\n');
    }

    static void appendScopeLine(StringBuilder out, String label, int index, InstrumentationScope scope,
            String schemaUrl) {
        out.append(label).append(" #").append(index);
        appendScopeDetails(out, scope, schemaUrl);
        appendSpacedAttributes(out, scope.attributes());
        out.append('\n');
    }
}
