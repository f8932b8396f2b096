package io.otelier.pdata.metrics;

/** Which of OTLP's {@code Metric.data} oneof a metric holds; EMPTY when none is set. */
public enum MetricType { EMPTY, GAUGE, SUM, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY }
