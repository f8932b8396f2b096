package io.otelier.runtime.internal.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lays the user's keys over a component's default config, as upstream decodes YAML onto the struct that
 * {@code createDefaultConfig()} returned: keys the user leaves out keep their defaults, a null value keeps
 * the default too, and lists are replaced, not merged.
 *
 * <p>A section whose default is null is "off" until the user writes it. Writing it — even as a bare
 * {@code grpc:} — turns it on with the section type's own defaults, taken from a public static
 * {@code defaults()} method of that type or, for a plain class, its public no-argument constructor (the
 * counterpart of upstream's {@code configoptional}). Elements of a list of such a type start from those
 * defaults as well.
 */
final class DefaultsMerger {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper mapper;
    private final Map<Class<?>, Map<String, JavaType>> propertyTypes = new HashMap<>();

    DefaultsMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode merge(JavaType type, JsonNode defaults, JsonNode user) {
        boolean hasDefault = defaults != null && !defaults.isNull() && !defaults.isMissingNode();
        if (user.isNull()) {
            return hasDefault ? defaults : sectionDefaults(type).orElse(NullNode.getInstance());
        }
        if (user.isObject() && type != null && type.isMapLikeType()) {
            ObjectNode base = hasDefault && defaults.isObject() ? (ObjectNode) defaults : mapper.createObjectNode();
            return overlay(base, (ObjectNode) user, name -> type.getContentType(), null);
        }
        if (user.isObject() && isBean(type)) {
            ObjectNode base = hasDefault && defaults.isObject() ? (ObjectNode) defaults
                    : sectionDefaults(type).filter(JsonNode::isObject).map(ObjectNode.class::cast)
                            .orElseGet(mapper::createObjectNode);
            Map<String, JavaType> properties = properties(type.getRawClass());
            return overlay(base, (ObjectNode) user, properties::get, type.getRawClass());
        }
        if (user.isArray() && type != null && type.isCollectionLikeType() && isBean(type.getContentType())) {
            Optional<JsonNode> elementDefaults = sectionDefaults(type.getContentType());
            if (elementDefaults.isPresent()) {
                ArrayNode out = mapper.createArrayNode();
                user.forEach(item -> out.add(item.isObject()
                        ? merge(type.getContentType(), elementDefaults.get().deepCopy(), item)
                        : item));
                return out;
            }
        }
        return user;
    }

    private ObjectNode overlay(ObjectNode base, ObjectNode user, java.util.function.Function<String, JavaType> typeOf,
            Class<?> owner) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            JsonNode fieldDefault = base.get(field.getKey());
            if ((fieldDefault == null || fieldDefault.isNull()) && owner != null) {
                fieldDefault = ownerDefaults(owner, field.getKey()).orElse(fieldDefault);
            }
            // an unknown key goes through untouched; binding reports it with its path
            out.set(field.getKey(), merge(typeOf.apply(field.getKey()), fieldDefault, field.getValue()));
        }
        return out;
    }

    /**
     * Defaults that the enclosing type declares for one of its off-by-default sections, through a public
     * static {@code <section>Defaults()} method (e.g. {@code Protocols.grpcDefaults()}): the same section
     * type can then have component-specific defaults, as upstream's {@code configoptional.Default(...)}
     * (the OTLP receiver's grpc section defaults to localhost:4317, another receiver's to another port).
     */
    private Optional<JsonNode> ownerDefaults(Class<?> owner, String yamlKey) {
        String method = camelCase(yamlKey) + "Defaults";
        try {
            Method m = owner.getMethod(method);
            if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
                return Optional.empty();
            }
            m.trySetAccessible();
            Object value = m.invoke(null);
            return value == null ? Optional.empty() : Optional.of(mapper.valueToTree(value));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getName() + "." + method + "() failed: " + e.getCause(), e);
        }
    }

    private static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static boolean isBean(JavaType type) {
        if (type == null || type.isContainerType() || type.isPrimitive() || type.isEnumType()
                || type.isAbstract() && !type.isRecordType()) {
            return false;
        }
        String name = type.getRawClass().getName();
        return !name.startsWith("java.") && !name.startsWith("javax.");
    }

    /** YAML key → declared type, for records (components) and plain classes (instance fields). */
    private Map<String, JavaType> properties(Class<?> type) {
        return propertyTypes.computeIfAbsent(type, t -> {
            Map<String, JavaType> out = new HashMap<>();
            if (t.isRecord()) {
                for (RecordComponent rc : t.getRecordComponents()) {
                    out.put(SNAKE_CASE.translate(rc.getName()), mapper.constructType(rc.getGenericType()));
                }
                return out;
            }
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                        out.putIfAbsent(SNAKE_CASE.translate(f.getName()), mapper.constructType(f.getGenericType()));
                    }
                }
            }
            return out;
        });
    }

    /** The defaults a section type declares for itself, as a tree; empty when it declares none. */
    private Optional<JsonNode> sectionDefaults(JavaType type) {
        if (!isBean(type)) {
            return Optional.empty();
        }
        Class<?> c = type.getRawClass();
        try {
            Method defaults = c.getMethod("defaults");
            if (Modifier.isStatic(defaults.getModifiers()) && c.isAssignableFrom(defaults.getReturnType())) {
                defaults.trySetAccessible();
                return Optional.of(mapper.valueToTree(defaults.invoke(null)));
            }
        } catch (NoSuchMethodException e) {
            // fall through to the constructor
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName() + ".defaults() failed: " + e.getCause(), e);
        }
        if (!c.isRecord() && !Modifier.isAbstract(c.getModifiers())) {
            try {
                return Optional.of(mapper.valueToTree(c.getConstructor().newInstance()));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("new " + c.getName() + "() failed: " + e.getCause(), e);
            }
        }
        return Optional.empty();
    }
}
