package io.otelier.runtime.internal.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.otelier.api.config.ConfigException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Rewrites Jackson's binding errors as one line naming the full key path, in the words of a config user. */
final class BindingErrors {

    private static final int MAX_LISTED_KEYS = 15;

    private BindingErrors() {
    }

    /**
     * @param component the component's path ({@code exporters, debug})
     * @param bound     the tree that was being bound, to quote the offending value
     */
    static ConfigException translate(JsonMappingException e, List<String> component, JsonNode bound) {
        List<String> relative = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            relative.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        List<String> path = ConfigPath.child(component, relative.toArray(String[]::new));
        if (e instanceof UnrecognizedPropertyException u) {
            return new ConfigException(path, "unknown key" + validKeys(u.getKnownPropertyIds()));
        }
        if (e instanceof BindingMapper.ValueProblem p) {
            return new ConfigException(path, p.problem());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            if (v.getCause() instanceof ConfigException c) {
                return c.under(path.toArray(String[]::new));
            }
            return new ConfigException(path, "invalid value: " + v.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonNode value = at(bound, relative);
            Class<?> target = m.getTargetType();
            if (target.isEnum() && value != null && value.isTextual()) {
                return new ConfigException(path, "unknown value \"" + value.asText() + "\" (valid: "
                        + enumValues(target) + ")");
            }
            return new ConfigException(path, "expected " + expected(target) + ", got " + describe(value)
                    + outOfRange(target, value));
        }
        if (e.getCause() instanceof InputCoercionException c && c.getTargetType() != null) {
            return new ConfigException(path, "expected " + expected(c.getTargetType()) + ", got "
                    + describe(at(bound, relative)) + " (out of range)");
        }
        if (e instanceof InvalidDefinitionException) {
            return new ConfigException(path, "cannot be bound (component bug: " + e.getOriginalMessage() + ")");
        }
        return new ConfigException(path, e.getOriginalMessage());
    }

    private static String validKeys(Collection<Object> known) {
        if (known == null || known.isEmpty() || known.size() > MAX_LISTED_KEYS) {
            return "";
        }
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", " (valid keys: ", ")"));
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration such as \"5s\"";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        return "a map";
    }

    private static String outOfRange(Class<?> target, JsonNode value) {
        boolean narrow = target == int.class || target == Integer.class || target == short.class
                || target == Short.class || target == byte.class || target == Byte.class;
        boolean integral = value != null && value.isIntegralNumber();
        return integral && (narrow || !value.canConvertToLong()) ? " (out of range)" : "";
    }

    private static JsonNode at(JsonNode root, List<String> relative) {
        JsonNode node = root;
        for (String segment : relative) {
            if (node == null) {
                return null;
            }
            node = node.isArray() ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "a value of another type";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        if (value.isObject()) {
            return "a map";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.asText();
    }
}
