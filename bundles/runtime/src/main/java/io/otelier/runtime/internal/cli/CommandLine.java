package io.otelier.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector's command line, as upstream's otelcol (cobra) accepts it:
 * {@code otelcol [validate|components] [--config X]… [--set a::b=v]… [--feature-gates g1,-g2]
 * [--help] [--version]}. Flags take their value as the next word or after '='.
 */
public record CommandLine(Command command, List<String> configs, List<String> sets, List<String> featureGates) {

    /** What to do. */
    public enum Command { RUN, VALIDATE, COMPONENTS, HELP, VERSION }

    /** A malformed command line; the message is the one line shown to the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String... args) throws UsageException {
        Command command = Command.RUN;
        List<String> configs = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        List<String> gates = new ArrayList<>();
        boolean subcommandSeen = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (subcommandSeen || command != Command.RUN) {
                    throw new UsageException("unknown command \"" + arg + "\" for \"otelcol\"");
                }
                command = switch (arg) {
                    case "validate" -> Command.VALIDATE;
                    case "components" -> Command.COMPONENTS;
                    case "help" -> Command.HELP;
                    default -> throw new UsageException("unknown command \"" + arg + "\" for \"otelcol\"");
                };
                subcommandSeen = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> command = Command.HELP;
                case "-v", "--version" -> command = command == Command.HELP ? command : Command.VERSION;
                case "--config", "--set", "--feature-gates" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("flag needs an argument: " + name);
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--config" -> configs.add(value);
                        case "--set" -> sets.add(value);
                        default -> {
                            for (String g : value.split(",")) {
                                if (!g.isBlank()) {
                                    gates.add(g.strip());
                                }
                            }
                        }
                    }
                }
                default -> throw new UsageException("unknown flag: " + name);
            }
        }
        return new CommandLine(command, List.copyOf(configs), List.copyOf(sets), List.copyOf(gates));
    }

    public static String usage(String command) {
        return String.join("\n",
                "Usage:",
                "  " + command + " [flags]",
                "  " + command + " [command]",
                "",
                "Available Commands:",
                "  components  Outputs available components in this collector distribution",
                "  help        Help about any command",
                "  validate    Validates the config without running the collector",
                "",
                "Flags:",
                "      --config stringArray     Locations to the config file(s), note that only a single location can be set per flag entry e.g. --config=file:/path/to/first --config=file:path/to/second.",
                "      --feature-gates Flag     Comma-delimited list of feature gate identifiers. Prefix with '-' to disable the feature. '+' or no prefix will enable the feature.",
                "  -h, --help                   help for " + command,
                "      --set stringArray        Set arbitrary component config property. The component has to be defined in the config file and the flag has a higher precedence. Array config properties are overridden and maps are joined. Example --set=processors::batch::timeout=2s",
                "  -v, --version                version for " + command,
                "");
    }
}
