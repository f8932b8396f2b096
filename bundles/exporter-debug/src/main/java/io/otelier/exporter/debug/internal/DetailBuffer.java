package io.otelier.exporter.debug.internal;

import io.otelier.pdata.PList;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.metrics.Exemplar;

/** Builds detailed-verbosity text line by line (upstream internal/otlptext/databuffer.go). */
final class DetailBuffer {

    private static final String ATTRIBUTE_ARROW = "     ->";
    private static final int FIELD_WIDTH = 15;

    private final StringBuilder out = new StringBuilder(1024);

    DetailBuffer line(String text) {
        out.append(text).append('\n');
        return this;
    }

    /** A span field: {@code "    Name           : value"}, the name padded to 15 characters. */
    DetailBuffer field(String name, String value) {
        out.append("    ").append(name);
        for (int i = name.length(); i < FIELD_WIDTH; i++) {
            out.append(' ');
        }
        out.append(": ").append(value).append('\n');
        return this;
    }

    /**
     * A header line then one {@code -> key: Type(value)} line per attribute; nothing at all when there are none.
     * A header that is itself an arrow item ({@code "     -> Attributes:"}) indents its attributes one level
     * deeper, and keeps upstream's doubled colon.
     */
    DetailBuffer attributes(String header, Attributes attributes) {
        if (attributes.isEmpty()) {
            return this;
        }
        line(header + ":");
        int arrow = header.indexOf("->");
        String prefix = arrow < 0 ? ATTRIBUTE_ARROW : header.substring(0, arrow) + ATTRIBUTE_ARROW;
        for (int i = 0; i < attributes.size(); i++) {
            line(prefix + " " + attributes.key(i) + ": " + ValueText.typed(attributes.value(i)));
        }
        return this;
    }

    DetailBuffer scope(InstrumentationScope scope) {
        line("InstrumentationScope " + scope.name() + " " + scope.version());
        return attributes("InstrumentationScope attributes", scope.attributes());
    }

    DetailBuffer exemplars(PList<Exemplar> exemplars) {
        if (exemplars.isEmpty()) {
            return this;
        }
        line("Exemplars:");
        for (int i = 0; i < exemplars.size(); i++) {
            Exemplar exemplar = exemplars.get(i);
            line("Exemplar #" + i);
            line("     -> Trace ID: " + ValueText.id(exemplar.traceId()));
            line("     -> Span ID: " + ValueText.id(exemplar.spanId()));
            line("     -> Timestamp: " + GoFormat.timestamp(exemplar.timeUnixNano()));
            switch (exemplar.valueType()) {
                case INT -> line("     -> Value: " + exemplar.intValue());
                case DOUBLE -> line("     -> Value: " + GoFormat.f(exemplar.doubleValue()));
                case EMPTY -> {
                    // upstream prints no value line
                }
            }
            attributes("     -> FilteredAttributes", exemplar.filteredAttributes());
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
