package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.config.ConfigException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Upstream's filterset for a list of names: {@code match_type} "strict" compares whole names, "regexp" matches a
 * pattern anywhere in the name (Go's MatchString, unanchored).
 */
final class NameFilter {

    private NameFilter() {
    }

    /**
     * Checks a filter as upstream's filterset.CreateFilterSet does when the scraper is created.
     *
     * @param field  the filter's key ("include", "exclude_devices")
     * @param key    the list's key ("interfaces", "devices")
     * @param prefix how upstream's message starts ("error creating device include filters: ")
     */
    static void validate(List<String> names, String matchType, String field, String key, String prefix) {
        if (names.isEmpty()) {
            return;
        }
        if (!"strict".equals(matchType) && !"regexp".equals(matchType)) {
            throw ConfigException.at(field + "::match_type", prefix + "unrecognized match_type: '"
                    + (matchType == null ? "" : matchType) + "', valid types are: [regexp strict]");
        }
        if (matchType.equals("regexp")) {
            for (String pattern : names) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw ConfigException.at(field + "::" + key, prefix + "error parsing regexp: " + e.getDescription()
                            + ": `" + pattern + "`");
                }
            }
        }
    }

    /** Names accepted by an include list (all when it is empty) and not matched by an exclude list. */
    static Predicate<String> includeExclude(List<String> include, String includeType, List<String> exclude,
            String excludeType) {
        Predicate<String> included = include.isEmpty() ? name -> true : matcher(include, includeType);
        Predicate<String> excluded = exclude.isEmpty() ? name -> false : matcher(exclude, excludeType);
        return included.and(excluded.negate());
    }

    private static Predicate<String> matcher(List<String> names, String matchType) {
        if ("regexp".equals(matchType)) {
            List<Pattern> patterns = names.stream().map(Pattern::compile).toList();
            return name -> patterns.stream().anyMatch(p -> p.matcher(name).find());
        }
        return names::contains;
    }
}
