package io.otelier.api.config;

/** File mode settings as upstream writes them: octal strings such as {@code "0750"}. */
public final class Permissions {

    private Permissions() {
    }

    /**
     * The mode bits of an octal string, with upstream's messages for a non-octal value and for bits outside
     * {@code 0777}.
     *
     * @param field the config key, named in the error ({@code directory_permissions})
     * @throws ConfigException naming {@code field} and the value
     */
    public static int parseOctal(String field, String octal) throws ConfigException {
        int bits;
        try {
            bits = Integer.parseInt(octal, 8);
        } catch (NumberFormatException e) {
            throw ConfigException.at(field, field + " value must be a valid octal representation (got \"" + octal
                    + "\")");
        }
        if ((bits & 0777) != bits) {
            throw ConfigException.at(field, field + " contain invalid bits for file access (got \"" + octal + "\")");
        }
        return bits;
    }
}
