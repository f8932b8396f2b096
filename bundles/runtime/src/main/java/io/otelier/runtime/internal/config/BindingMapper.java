package io.otelier.runtime.internal.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The Jackson setup that binds component configs the way upstream's confmap decodes them: snake_case keys,
 * unknown keys rejected, no coercion between scalar types (upstream's strictly typed input), Go duration
 * strings for {@link Duration}. Only fields make properties, so helper methods on a config record
 * ({@code isEnabled()}) never turn into keys.
 *
 * <p>A new mapper is made for each load and dropped with it: a long-lived mapper would cache deserializers
 * for component classes and pin their bundles' class loaders after the bundles are replaced. For the same
 * reason it gets its own type factory: Jackson's shared default one caches resolved types in a static.
 */
final class BindingMapper {

    /** Reader attribute: the key path of the component being bound ({@code exporters, debug}). */
    static final String COMPONENT_PATH = "otelier.componentPath";

    private BindingMapper() {
    }

    static JsonMapper create(SourceMap sources) {
        SimpleModule module = new SimpleModule("otelier-config");
        module.addSerializer(Duration.class, new DurationSerializer());
        module.addDeserializer(Duration.class, new DurationDeserializer());
        module.addDeserializer(String.class, new StrictStringDeserializer(sources));
        return JsonMapper.builder()
                .typeFactory(TypeFactory.createDefaultInstance())
                .addModule(module)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // configs without keys (nop components) are records without components
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Java enums are upper case by convention, YAML values lower case
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .build();
    }

    /** A binding problem whose message is already written for the user. */
    static final class ValueProblem extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        ValueProblem(JsonParser parser, String problem) {
            super(parser, problem);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }

    private static final class DurationSerializer extends StdScalarSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(GoDuration.format(value));
        }
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return GoDuration.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    throw new ValueProblem(p, e.getMessage());
                }
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                // time.Duration is an int64 in Go: upstream decodes a bare integer as nanoseconds
                return Duration.ofNanos(p.getLongValue());
            }
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
    }

    /**
     * Strings only from strings — except a value that was one whole {@code ${…}} reference: upstream types
     * it for numeric fields but still hands its text to string fields ({@code ${env:TOKEN}} = 0123).
     */
    private static final class StrictStringDeserializer extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;
        private final transient SourceMap sources;

        StrictStringDeserializer(SourceMap sources) {
            super(String.class);
            this.sources = sources;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                Optional<String> text = sources.expandedText(absolutePath(p, ctxt));
                if (text.isPresent()) {
                    return text.get();
                }
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        private static List<String> absolutePath(JsonParser p, DeserializationContext ctxt) {
            List<String> relative = new ArrayList<>();
            for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                relative.add(c.inArray() ? Integer.toString(c.getCurrentIndex()) : c.getCurrentName());
            }
            Collections.reverse(relative);
            @SuppressWarnings("unchecked")
            List<String> component = (List<String>) ctxt.getAttribute(COMPONENT_PATH);
            List<String> out = new ArrayList<>(component == null ? List.of() : component);
            out.addAll(relative);
            return out;
        }
    }
}
