package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/**
 * The user's settings for one metric ({@code metrics: {<name>: {enabled, aggregation_strategy, attributes}}}).
 * A null component means "keep the metric's own default", as upstream keeps a field the YAML leaves out.
 */
public record MetricSettings(Boolean enabled, String aggregationStrategy, List<String> attributes) {
}
