package io.otelier.helper.stanza.internal.transformer;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.ExprString;
import io.otelier.helper.stanza.internal.expr.Expression;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Expressions;
import io.otelier.helper.stanza.internal.op.Operator;
import io.otelier.helper.stanza.internal.op.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * router: sends each entry to the outputs of the first route whose {@code expr} matches, after setting that
 * route's {@code attributes}; {@code default} is a final always-true route; unmatched entries are dropped
 * (upstream transformer/router). It has no {@code output} of its own.
 */
public final class Router extends Operator {

    private record Route(Expression expression, Map<String, ExprString> attributes, List<String> outputIds,
            Operator[] outputs) {
    }

    private final List<Route> routes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public Router(Writer.Common common, Conf conf) {
        super(common.id(), common.type(), common.logger());
        if (!common.outputs().isEmpty()) {
            throw conf.fail("output", "has invalid keys: output");
        }
        List<Object> routeConfigs = conf.list("routes");
        if (routeConfigs != null) {
            for (int i = 0; i < routeConfigs.size(); i++) {
                if (!(routeConfigs.get(i) instanceof Map<?, ?> raw)) {
                    throw conf.fail("routes::" + i, "expected a map");
                }
                Conf route = new Conf((Map<String, Object>) raw, conf.path() + "::routes::" + i);
                route.setOperator(conf.operator());
                String source = route.string("expr", "");
                Expression expression = Expressions.compileBool(route, "expr", source);
                Map<String, ExprString> attributes = new LinkedHashMap<>();
                Map<String, Object> attrs = route.map("attributes");
                if (attrs != null) {
                    for (Map.Entry<String, Object> a : attrs.entrySet()) {
                        attributes.put(a.getKey(), Expressions.compileString(route, "attributes::" + a.getKey(),
                                String.valueOf(a.getValue())));
                    }
                }
                List<String> outputs = route.strings("output");
                route.finish();
                routes.add(new Route(expression, attributes, outputs == null ? List.of() : outputs, null));
            }
        }
        List<String> defaults = conf.strings("default");
        if (defaults != null) {
            try {
                routes.add(new Route(Expression.compileBool("true"), Map.of(), defaults, null));
            } catch (ExprException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public List<String> outputIds() {
        List<String> ids = new ArrayList<>();
        for (Route r : routes) {
            ids.addAll(r.outputIds());
        }
        return ids;
    }

    @Override
    public void setDefaultOutput(String id) {
        // upstream's router ignores the default wiring: only its routes decide
    }

    @Override
    public void connect(Function<String, Operator> lookup) {
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            Operator[] outputs = new Operator[r.outputIds().size()];
            for (int j = 0; j < outputs.length; j++) {
                outputs[j] = lookup.apply(r.outputIds().get(j));
                if (outputs[j] == null) {
                    throw ConfigException.of("failed to set outputs on route: operator " + r.outputIds().get(j)
                            + " does not exist");
                }
            }
            routes.set(i, new Route(r.expression(), r.attributes(), r.outputIds(), outputs));
        }
    }

    @Override
    public void process(Entry entry) {
        Map<String, Object> env = Expression.environment(entry);
        for (Route route : routes) {
            boolean matches;
            try {
                matches = route.expression().test(env);
            } catch (ExprException e) {
                logger.warn("Running expression returned an error", "error", e.getMessage());
                continue;
            }
            if (!matches) {
                continue;
            }
            try {
                for (Map.Entry<String, ExprString> a : route.attributes().entrySet()) {
                    entry.addAttribute(a.getKey(), a.getValue().render(env));
                }
            } catch (ExprException e) {
                logger.error("Failed to label entry", null, "error", e.getMessage());
                return;
            }
            Operator[] outputs = route.outputs();
            for (int i = 0; i < outputs.length; i++) {
                outputs[i].process(i == outputs.length - 1 ? entry : entry.copy());
            }
            return;
        }
    }
}
