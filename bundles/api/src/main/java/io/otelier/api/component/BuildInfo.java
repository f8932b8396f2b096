package io.otelier.api.component;

/** The distribution's identity: command name, description, version. */
public record BuildInfo(String command, String description, String version) {
}
