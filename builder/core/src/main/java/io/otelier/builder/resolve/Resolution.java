package io.otelier.builder.resolve;

import java.util.List;

/**
 * The outcome of resolving a distribution.
 *
 * @param framework the framework jar chosen by {@code -runfw}; it goes into {@code lib/}
 * @param bundles   everything to install, sorted by symbolic name
 */
public record Resolution(Candidate framework, List<Candidate> bundles) {

    public Resolution {
        bundles = List.copyOf(bundles);
    }
}
