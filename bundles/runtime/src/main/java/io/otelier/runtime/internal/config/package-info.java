/**
 * The collector's config, as upstream's confmap and otelcol packages define it (private to the runtime).
 *
 * <p>{@link io.otelier.runtime.internal.config.ConfigService#load} runs the stages in order, each failing with
 * one {@link io.otelier.api.config.ConfigException} line that names the key path and, where known, the source and
 * line ({@code exporters::debug::verbositty: unknown key (valid keys: …) (config.yaml:12)}):
 * <ol>
 * <li>{@link io.otelier.runtime.internal.config.ConfigResolver}: read {@code --config} sources, merge them and
 * the {@code --set} values, expand {@code ${…}}; origins go to a {@link io.otelier.runtime.internal.config.SourceMap};</li>
 * <li>{@link io.otelier.runtime.internal.config.ConfigLoader}: strict structure, ids, factories (with deprecated
 * aliases as warnings), {@code service::telemetry}; each component section is bound by
 * {@link io.otelier.runtime.internal.config.ConfigBinder};</li>
 * <li>{@link io.otelier.runtime.internal.config.ConfigValidator}: upstream's cross-section rules, first broken
 * rule reported.</li>
 * </ol>
 */
package io.otelier.runtime.internal.config;
