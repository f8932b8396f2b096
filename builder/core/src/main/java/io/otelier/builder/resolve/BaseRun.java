package io.otelier.builder.resolve;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Processor;
import aQute.lib.utf8properties.UTF8Properties;
import io.otelier.builder.BuildException;
import io.otelier.builder.Coordinates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base a distribution is resolved on, read from a bndrun file ({@code bndrun/base.bndrun}, shipped inside
 * the builder): the framework ({@code -runfw}), the execution environment, system packages, the base's
 * requirements, and two properties of ours — {@code otelier.repository}, the Maven artifacts whose dependency
 * closures make up the base's part of the resolver's repository, and {@code otelier.launcher}, the main that
 * goes into {@code lib/}.
 */
public final class BaseRun {

    public static final String REPOSITORY = "otelier.repository";
    public static final String LAUNCHER = "otelier.launcher";
    public static final String VERSION_MACRO = "otelier.version";
    private static final String RESOURCE = "base.bndrun";

    private final String name;
    private final UTF8Properties properties;
    private final String otelierVersion;

    private BaseRun(String name, UTF8Properties properties, String otelierVersion) {
        this.name = name;
        this.properties = properties;
        this.otelierVersion = otelierVersion;
    }

    /** The base shipped with this builder, resolving Otelier's own artifacts at {@code otelierVersion}. */
    public static BaseRun shipped(String otelierVersion) throws BuildException {
        try (InputStream in = BaseRun.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new BuildException("the builder is incomplete: " + RESOURCE + " is missing from its jar");
            }
            return of(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8), otelierVersion);
        } catch (IOException e) {
            throw new BuildException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static BaseRun of(String name, String text, String otelierVersion) throws BuildException {
        UTF8Properties p = new UTF8Properties();
        try {
            p.load(text, null, null);
        } catch (IOException e) {
            throw new BuildException("cannot parse " + name + ": " + e.getMessage(), e);
        }
        return new BaseRun(name, p, otelierVersion);
    }

    /** A fresh bnd processor holding the base's instructions, macros expanded. */
    public Processor newRunModel() {
        Processor p = new Processor();
        p.setProperties(properties);
        p.setProperty(VERSION_MACRO, otelierVersion);
        return p;
    }

    public List<Coordinates> repository() throws BuildException {
        List<Coordinates> out = new ArrayList<>();
        try (Processor p = newRunModel()) {
            for (String c : Processor.split(p.getProperty(REPOSITORY, ""))) {
                out.add(coordinates(c, REPOSITORY));
            }
        } catch (IOException e) {
            throw new BuildException(e.getMessage(), e);
        }
        return out;
    }

    public Coordinates launcher() throws BuildException {
        try (Processor p = newRunModel()) {
            String value = p.getProperty(LAUNCHER);
            if (value == null || value.isBlank()) {
                throw new BuildException(name + ": " + LAUNCHER + " is missing");
            }
            return coordinates(value.trim(), LAUNCHER);
        } catch (IOException e) {
            throw new BuildException(e.getMessage(), e);
        }
    }

    /** The framework's symbolic name and version range from {@code -runfw}. */
    public Map.Entry<String, String> framework() throws BuildException {
        try (Processor p = newRunModel()) {
            Parameters fw = new Parameters(p.getProperty(Constants.RUNFW, ""));
            if (fw.size() != 1) {
                throw new BuildException(name + ": " + Constants.RUNFW + " must name one framework");
            }
            Map.Entry<String, Attrs> e = fw.entrySet().iterator().next();
            return Map.entry(e.getKey(), e.getValue().getVersion() == null ? "0" : e.getValue().getVersion());
        } catch (IOException e) {
            throw new BuildException(e.getMessage(), e);
        }
    }

    private Coordinates coordinates(String text, String property) throws BuildException {
        return Coordinates.parse(text).orElseThrow(() -> new BuildException(
                name + ": " + property + ": \"" + text + "\" is not Maven coordinates"));
    }

    public String name() {
        return name;
    }
}
