package io.otelier.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector's command line, as upstream's otelcol (cobra) accepts it:
 * {@code otelcol [validate|components] [--config X]… [--set a::b=v]… [--feature-gates g1,-g2]
 * [--help] [--version]}. Flags take their value as the next word or after '='.
 *
 * <p>Ours in addition (hot swap, talking to a running collector's admin extension):
 * {@code otelcol bundles list|install <jar|g:a:v>|update <bsn> <jar>|uninstall <bsn>}, {@code otelcol reload}
 * and {@code otelcol components --live}, each with optional {@code --admin-endpoint host:port} and
 * {@code --token-file path}.
 *
 * @param arguments     words after {@code bundles} (its operation and operands)
 * @param adminEndpoint {@code --admin-endpoint}, or null to discover the running collector
 * @param tokenFile     {@code --token-file}, or null to use the discovered one
 * @param live          {@code components} of a running collector rather than of this distribution
 */
public record CommandLine(Command command, List<String> configs, List<String> sets, List<String> featureGates,
        List<String> arguments, String adminEndpoint, String tokenFile, boolean live) {

    /** What to do. */
    public enum Command { RUN, VALIDATE, COMPONENTS, HELP, VERSION, BUNDLES, RELOAD }

    /** Commands that talk to a running collector rather than start one. */
    public boolean remote() {
        return command == Command.BUNDLES || command == Command.RELOAD || (command == Command.COMPONENTS && live);
    }

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
        List<String> arguments = new ArrayList<>();
        String adminEndpoint = null;
        String tokenFile = null;
        boolean live = false;
        boolean subcommandSeen = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (command == Command.BUNDLES) {
                    arguments.add(arg);
                    continue;
                }
                if (subcommandSeen || command != Command.RUN) {
                    throw new UsageException("unknown command \"" + arg + "\" for \"otelcol\"");
                }
                command = switch (arg) {
                    case "validate" -> Command.VALIDATE;
                    case "components" -> Command.COMPONENTS;
                    case "help" -> Command.HELP;
                    case "bundles" -> Command.BUNDLES;
                    case "reload" -> Command.RELOAD;
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
                case "--live" -> live = true;
                case "--admin-endpoint", "--token-file" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("flag needs an argument: " + name);
                        }
                        value = args[++i];
                    }
                    if (name.equals("--admin-endpoint")) {
                        adminEndpoint = value;
                    } else {
                        tokenFile = value;
                    }
                }
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
        if (command == Command.BUNDLES) {
            checkBundlesArguments(arguments);
        }
        return new CommandLine(command, List.copyOf(configs), List.copyOf(sets), List.copyOf(gates),
                List.copyOf(arguments), adminEndpoint, tokenFile, live);
    }

    private static void checkBundlesArguments(List<String> arguments) throws UsageException {
        String usage = "usage: otelcol bundles list | install <jar|group:artifact:version> | update <bsn> <jar>"
                + " | uninstall <bsn>";
        if (arguments.isEmpty()) {
            throw new UsageException(usage);
        }
        int operands = switch (arguments.get(0)) {
            case "list" -> 0;
            case "install", "uninstall" -> 1;
            case "update" -> 2;
            default -> throw new UsageException("unknown bundles operation \"" + arguments.get(0) + "\"; " + usage);
        };
        if (arguments.size() != operands + 1) {
            throw new UsageException(usage);
        }
    }

    public static String usage(String command) {
        return String.join("\n",
                "Usage:",
                "  " + command + " [flags]",
                "  " + command + " [command]",
                "",
                "Available Commands:",
                "  bundles     Lists, installs, updates or uninstalls bundles of the running collector",
                "  components  Outputs available components in this collector distribution",
                "  help        Help about any command",
                "  reload      Makes the running collector reload its config",
                "  validate    Validates the config without running the collector",
                "",
                "Flags:",
                "      --admin-endpoint string  (bundles, reload, components --live) the running collector's admin address, host:port",
                "      --config stringArray     Locations to the config file(s), note that only a single location can be set per flag entry e.g. --config=file:/path/to/first --config=file:path/to/second.",
                "      --feature-gates Flag     Comma-delimited list of feature gate identifiers. Prefix with '-' to disable the feature. '+' or no prefix will enable the feature.",
                "  -h, --help                   help for " + command,
                "      --set stringArray        Set arbitrary component config property. The component has to be defined in the config file and the flag has a higher precedence. Array config properties are overridden and maps are joined. Example --set=processors::batch::timeout=2s",
                "      --live                   (components) list the factories of the running collector",
                "      --token-file string      (bundles, reload, components --live) the admin token file of the running collector",
                "  -v, --version                version for " + command,
                "");
    }
}
