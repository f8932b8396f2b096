package io.otelier.helper.http;

/** Upstream's client {@code cookies} section: present means the client keeps cookies the server sets. */
public record CookiesSettings() {

    public static CookiesSettings defaults() {
        return new CookiesSettings();
    }
}
