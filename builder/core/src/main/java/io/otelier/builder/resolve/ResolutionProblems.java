package io.otelier.builder.resolve;

import aQute.bnd.osgi.resource.FilterParser;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.resolver.ResolutionException;

/**
 * Turns a resolver failure into sentences: "component receivers[0] (g:a:v) needs package com.x (version
 * [1.0.0,2.0.0)), which no bundle provides". The requirements come from the exception and its chain of causes
 * (the Felix resolver nests the reason); those that no candidate in the repository satisfies are the ones to
 * report. When every requirement has a provider the bundles conflict instead (versions, uses constraints), and
 * the resolver's own summary is the best we have.
 */
final class ResolutionProblems {

    private ResolutionProblems() {
    }

    static String explain(ResolutionException e, Repository repository, List<Candidate> components) {
        Set<Requirement> unresolved = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResolutionException re) {
                unresolved.addAll(re.getUnresolvedRequirements());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Requirement r : unresolved) {
            if (isOptional(r) || ResourceUtils.isInitialRequirement(r.getResource()) || isSynthetic(r.getResource())
                    || hasProvider(r, repository)) {
                continue;
            }
            String line = who(r.getResource(), repository, components) + " needs " + describe(r)
                    + ", which no bundle provides";
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return "the bundles do not resolve together: " + firstLines(e.getMessage());
        }
        return String.join("\n", lines);
    }

    private static String who(Resource resource, Repository repository, List<Candidate> components) {
        Optional<Candidate> c = repository.find(resource);
        if (c.isEmpty()) {
            return "bundle " + resource;
        }
        Candidate candidate = c.get();
        if (components.contains(candidate)) {
            return "component " + candidate.origin();
        }
        if (candidate.origin().startsWith("the base")) {
            return "the base bundle " + candidate.describe();
        }
        return "component " + candidate.origin() + ", through bundle " + candidate.describe() + ",";
    }

    /** {@code package com.x (version [1.0.0,2.0.0))}, {@code extender osgi.component …}, … */
    static String describe(Requirement r) {
        String filter = r.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        String what = switch (r.getNamespace()) {
            case "osgi.wiring.package" -> "package";
            case "osgi.wiring.bundle" -> "bundle";
            case "osgi.wiring.host" -> "fragment host";
            case "osgi.extender" -> "extender";
            case "osgi.service" -> "service";
            case "osgi.ee" -> "execution environment";
            case "osgi.identity" -> "bundle";
            default -> "capability " + r.getNamespace();
        };
        if (filter == null) {
            return what;
        }
        String expression;
        try {
            // a parser per call: FilterParser's cache can answer a filter with an earlier, different one
            expression = new FilterParser().parse(r).toString();
        } catch (RuntimeException ex) {
            expression = filter;
        }
        return what + " " + expression;
    }

    private static boolean hasProvider(Requirement r, Repository repository) {
        for (Candidate c : repository.candidates()) {
            for (Capability cap : c.resource().getCapabilities(r.getNamespace())) {
                if (ResourceUtils.matches(r, cap)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * bnd models each Java release of a multi-release jar as a synthetic resource; those for other Java versions
     * fail on the execution environment by design and are no problem of the distribution.
     */
    private static boolean isSynthetic(Resource resource) {
        var identity = ResourceUtils.getIdentityCapability(resource);
        return identity != null && ResourceBuilder.SYNTHETIC.equals(
                identity.getAttributes().get(IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE));
    }

    private static boolean isOptional(Requirement r) {
        return Namespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "(no detail from the resolver)";
        }
        String[] lines = message.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 12)));
    }
}
