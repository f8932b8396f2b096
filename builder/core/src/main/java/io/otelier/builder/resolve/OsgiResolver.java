package io.otelier.builder.resolve;

import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Processor;
import aQute.bnd.osgi.repository.ResourcesRepository;
import aQute.bnd.service.resource.SupportingResource;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import biz.aQute.resolve.BndResolver;
import biz.aQute.resolve.ResolveProcess;
import biz.aQute.resolve.ResolverLogger;
import io.otelier.builder.BuildException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;

/**
 * Computes the bundles of a distribution with the bnd resolver: the base's requirements plus one identity
 * requirement per component, against a repository of candidate bundles. The framework ({@code -runfw}) is
 * resolved too but returned apart, since it starts the others rather than being installed.
 */
public final class OsgiResolver {

    private OsgiResolver() {
    }

    /**
     * @param required the components, which must each be part of the result; a failure is explained in terms
     *                 of them
     */
    public static Resolution resolve(BaseRun base, Repository repository, List<Candidate> required)
            throws BuildException {
        List<Candidate> candidates = repository.candidates();
        Candidate framework = framework(base, candidates);
        try (Processor run = base.newRunModel();
                ResolverLogger log = new ResolverLogger(0, new PrintStream(OutputStream.nullOutputStream()))) {
            List<String> requires = new ArrayList<>();
            String baseRequires = run.getProperty(Constants.RUNREQUIRES);
            if (baseRequires != null && !baseRequires.isBlank()) {
                requires.add(baseRequires);
            }
            for (Candidate c : required) {
                requires.add("osgi.identity;filter:='(&(osgi.identity=" + c.symbolicName() + ")(version="
                        + c.version() + "))'");
            }
            run.setProperty(Constants.RUNREQUIRES, String.join(",", requires));
            run.addBasicPlugin(new ResourcesRepository(candidates.stream().map(Candidate::resource).toList()));
            Map<Resource, List<Wire>> wiring;
            try {
                wiring = new ResolveProcess().resolveRequired(run, null, run, new BndResolver(log), List.of(), log);
            } catch (ResolutionException e) {
                throw new BuildException(ResolutionProblems.explain(e, repository, required));
            }
            List<Candidate> bundles = new ArrayList<>();
            for (Resource resolved : wiring.keySet()) {
                // bnd models each Java release of a multi-release jar as a synthetic resource supporting the jar's own
                Resource r = resolved instanceof SupportingResource s ? s.getParent().map(Resource.class::cast)
                        .orElse(resolved) : resolved;
                Candidate c = repository.find(r).orElseThrow(() -> new IllegalStateException(
                        "the resolver chose a resource outside the repository: " + r));
                if (c != framework && !bundles.contains(c)) {
                    bundles.add(c);
                }
            }
            bundles.sort(Comparator.comparing(Candidate::symbolicName).thenComparing(Candidate::version));
            return new Resolution(framework, bundles);
        } catch (BuildException e) {
            throw e;
        } catch (Exception e) {
            throw new BuildException("the bnd resolver failed: " + e, e);
        }
    }

    private static Candidate framework(BaseRun base, List<Candidate> candidates) throws BuildException {
        Map.Entry<String, String> fw = base.framework();
        VersionRange range = VersionRange.parseOSGiVersionRange(fw.getValue());
        Optional<Candidate> match = candidates.stream()
                .filter(c -> c.symbolicName().equals(fw.getKey()) && range.includes(Version.parseVersion(c.version())))
                .max(Comparator.comparing(c -> Version.parseVersion(c.version())));
        return match.orElseThrow(() -> new BuildException(base.name() + ": the framework " + fw.getKey() + " "
                + fw.getValue() + " is not among the fetched bundles ("
                + candidates.stream().map(Candidate::symbolicName).sorted().collect(Collectors.joining(", ")) + ")"));
    }
}
