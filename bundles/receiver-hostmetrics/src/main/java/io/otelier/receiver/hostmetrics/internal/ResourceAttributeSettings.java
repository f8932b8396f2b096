package io.otelier.receiver.hostmetrics.internal;

/**
 * The user's settings for one resource attribute ({@code resource_attributes: {<name>: {enabled}}}); a null
 * {@code enabled} keeps the attribute's own default.
 */
public record ResourceAttributeSettings(Boolean enabled) {
}
