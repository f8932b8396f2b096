package io.otelier.helper.fileconsumer;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.fileconsumer.internal.Encodings;
import io.otelier.helper.fileconsumer.internal.Glob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The keys of upstream's {@code fileconsumer.Config} (contrib v0.165.1) with its defaults. Upstream squashes that
 * struct into each receiver's config, so the keys sit at the top level of {@code file_log} and
 * {@code otlpjsonfile}: their config classes extend this one. The collector binds YAML onto the fields (snake_case)
 * of a fresh instance; the getters are for the engine and never become keys.
 *
 * <p>Keys of upstream's struct that this class does not carry are in {@link #UNSUPPORTED_KEYS}; receivers return them
 * from their factory's {@code unsupportedKeys()} so that using one is a clear error.
 */
public class FileConsumerConfig implements ComponentConfig {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_MAX_CONCURRENT_FILES = 1024;
    public static final String START_AT_END = "end";
    public static final String START_AT_BEGINNING = "beginning";
    public static final int DEFAULT_FINGERPRINT_SIZE = 1000;
    public static final int MIN_FINGERPRINT_SIZE = 16;
    public static final int DEFAULT_INITIAL_BUFFER_SIZE = 16 * 1024;
    public static final int DEFAULT_MAX_LOG_SIZE = 1024 * 1024;
    public static final String MAX_LOG_SIZE_SPLIT = "split";
    public static final String MAX_LOG_SIZE_TRUNCATE = "truncate";
    public static final String DEFAULT_ENCODING = "utf-8";
    public static final Duration DEFAULT_FORCE_FLUSH_PERIOD = Duration.ofMillis(500);
    public static final String COMPRESSION_GZIP = "gzip";
    public static final String COMPRESSION_AUTO = "auto";
    public static final String ON_TRUNCATE_IGNORE = "ignore";
    public static final String ON_TRUNCATE_READ_WHOLE_FILE = "read_whole_file";
    public static final String ON_TRUNCATE_READ_NEW = "read_new";

    /**
     * Upstream keys this distribution recognises but does not implement yet: {@code header} (needs the header
     * operator pipeline), {@code ordering_criteria}, {@code polls_to_archive}, {@code acquire_fs_lock} (flock(2),
     * which the JDK's fcntl-based locks do not interoperate with), {@code file_cache_advise} (posix_fadvise) and
     * {@code skip_unmodified_files}.
     */
    public static final Set<String> UNSUPPORTED_KEYS = Set.of("header", "ordering_criteria", "polls_to_archive",
            "acquire_fs_lock", "file_cache_advise", "skip_unmodified_files");

    private List<String> include = List.of();
    private List<String> exclude = List.of();
    private Duration excludeOlderThan = Duration.ZERO;
    private boolean includeFileName = true;
    private boolean includeFilePath;
    private boolean includeFileNameResolved;
    private boolean includeFilePathResolved;
    private boolean includeFileOwnerName;
    private boolean includeFileOwnerGroupName;
    private boolean includeFilePermissions;
    private boolean includeFileRecordNumber;
    private boolean includeFileRecordOffset;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private int maxConcurrentFiles = DEFAULT_MAX_CONCURRENT_FILES;
    private int maxBatches;
    private String startAt = START_AT_END;
    private ByteSize fingerprintSize = ByteSize.of(DEFAULT_FINGERPRINT_SIZE);
    private ByteSize initialBufferSize = ByteSize.of(DEFAULT_INITIAL_BUFFER_SIZE);
    private ByteSize maxLogSize = ByteSize.of(DEFAULT_MAX_LOG_SIZE);
    private String maxLogSizeBehavior = MAX_LOG_SIZE_SPLIT;
    private String encoding = DEFAULT_ENCODING;
    private MultilineConfig multiline = MultilineConfig.defaults();
    private boolean preserveLeadingWhitespaces;
    private boolean preserveTrailingWhitespaces;
    private Duration forceFlushPeriod = DEFAULT_FORCE_FLUSH_PERIOD;
    private boolean deleteAfterRead;
    private String compression = "";
    private String onTruncate = ON_TRUNCATE_IGNORE;

    /** Upstream's defaults ({@code fileconsumer.NewConfig}). */
    public FileConsumerConfig() {
    }

    /** A copy of {@code other}'s settings, for subclasses built from a base config in code. */
    protected FileConsumerConfig(FileConsumerConfig other) {
        copyFrom(other);
    }

    /** Overwrites every fileconsumer setting with {@code other}'s. */
    protected final void copyFrom(FileConsumerConfig other) {
        include = other.include;
        exclude = other.exclude;
        excludeOlderThan = other.excludeOlderThan;
        includeFileName = other.includeFileName;
        includeFilePath = other.includeFilePath;
        includeFileNameResolved = other.includeFileNameResolved;
        includeFilePathResolved = other.includeFilePathResolved;
        includeFileOwnerName = other.includeFileOwnerName;
        includeFileOwnerGroupName = other.includeFileOwnerGroupName;
        includeFilePermissions = other.includeFilePermissions;
        includeFileRecordNumber = other.includeFileRecordNumber;
        includeFileRecordOffset = other.includeFileRecordOffset;
        pollInterval = other.pollInterval;
        maxConcurrentFiles = other.maxConcurrentFiles;
        maxBatches = other.maxBatches;
        startAt = other.startAt;
        fingerprintSize = other.fingerprintSize;
        initialBufferSize = other.initialBufferSize;
        maxLogSize = other.maxLogSize;
        maxLogSizeBehavior = other.maxLogSizeBehavior;
        encoding = other.encoding;
        multiline = other.multiline;
        preserveLeadingWhitespaces = other.preserveLeadingWhitespaces;
        preserveTrailingWhitespaces = other.preserveTrailingWhitespaces;
        forceFlushPeriod = other.forceFlushPeriod;
        deleteAfterRead = other.deleteAfterRead;
        compression = other.compression;
        onTruncate = other.onTruncate;
    }

    /**
     * Every setting, in a fixed order; subclasses append theirs. Equality is by these values, as a record's would be:
     * the collector keeps a running component across a config reload only when its config is equal.
     */
    protected List<Object> values() {
        return new ArrayList<>(Arrays.asList(include, exclude, excludeOlderThan, includeFileName, includeFilePath,
                includeFileNameResolved, includeFilePathResolved, includeFileOwnerName, includeFileOwnerGroupName,
                includeFilePermissions, includeFileRecordNumber, includeFileRecordOffset, pollInterval,
                maxConcurrentFiles, maxBatches, startAt, fingerprintSize, initialBufferSize, maxLogSize,
                maxLogSizeBehavior, encoding, multiline, preserveLeadingWhitespaces, preserveTrailingWhitespaces,
                forceFlushPeriod, deleteAfterRead, compression, onTruncate));
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((FileConsumerConfig) o).values().equals(values());
    }

    @Override
    public final int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + values();
    }

    @Override
    public void validate() throws ConfigException {
        if (include == null || include.isEmpty()) {
            throw ConfigException.at("include", "'include' must be specified");
        }
        validateGlobs("include", include);
        validateGlobs("exclude", exclude == null ? List.of() : exclude);
        if (fingerprintSize == null || fingerprintSize.bytes() < MIN_FINGERPRINT_SIZE) {
            throw ConfigException.at("fingerprint_size",
                    "'fingerprint_size' must be at least " + MIN_FINGERPRINT_SIZE + " bytes");
        }
        if (maxLogSize == null || maxLogSize.bytes() <= 0) {
            throw ConfigException.at("max_log_size", "'max_log_size' must be positive");
        }
        if (maxConcurrentFiles < 1) {
            throw ConfigException.at("max_concurrent_files", "'max_concurrent_files' must be positive");
        }
        if (maxBatches < 0) {
            throw ConfigException.at("max_batches", "'max_batches' must not be negative");
        }
        if (!MAX_LOG_SIZE_SPLIT.equals(maxLogSizeBehavior) && !MAX_LOG_SIZE_TRUNCATE.equals(maxLogSizeBehavior)) {
            throw ConfigException.at("max_log_size_behavior",
                    "'max_log_size_behavior' must be either 'split' or 'truncate'");
        }
        if (!START_AT_END.equals(startAt) && !START_AT_BEGINNING.equals(startAt)) {
            throw ConfigException.at("start_at", "invalid start_at location '" + startAt + "'");
        }
        try {
            Encodings.lookup(encoding);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at("encoding", e.getMessage());
        }
        validateMultiline();
        if (deleteAfterRead && START_AT_END.equals(startAt)) {
            throw ConfigException.at("delete_after_read", "'delete_after_read' cannot be used with 'start_at: end'");
        }
        if (!ON_TRUNCATE_IGNORE.equals(onTruncate) && !ON_TRUNCATE_READ_WHOLE_FILE.equals(onTruncate)
                && !ON_TRUNCATE_READ_NEW.equals(onTruncate)) {
            throw ConfigException.at("on_truncate", "'on_truncate' must be one of: ignore, read_whole_file, read_new");
        }
        if (!compression.isEmpty() && !COMPRESSION_GZIP.equals(compression) && !COMPRESSION_AUTO.equals(compression)) {
            // upstream reads any other value as plain text; naming the mistake is kinder
            throw ConfigException.at("compression",
                    "compression \"" + compression + "\" is not supported (valid: gzip, auto)");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            // a zero ticker panics in upstream's Go; here it is named instead
            throw ConfigException.at("poll_interval", "'poll_interval' must be positive");
        }
    }

    private static void validateGlobs(String key, List<String> globs) {
        for (String glob : globs) {
            try {
                Glob.compile(glob);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(key, key + ": parse glob: " + e.getMessage());
            }
        }
    }

    private void validateMultiline() {
        MultilineConfig m = multiline();
        boolean nop = Encodings.isNop(encoding);
        if (nop && !m.lineEndPattern().isEmpty()) {
            throw ConfigException.at("multiline", "line_end_pattern should not be set when using nop encoding");
        }
        if (nop && !m.lineStartPattern().isEmpty()) {
            throw ConfigException.at("multiline", "line_start_pattern should not be set when using nop encoding");
        }
        if (!m.lineStartPattern().isEmpty() && !m.lineEndPattern().isEmpty()) {
            throw ConfigException.at("multiline", "only one of line_start_pattern or line_end_pattern can be set");
        }
        compilePattern("line_start_pattern", "compile line start regex: ", m.lineStartPattern());
        compilePattern("line_end_pattern", "compile line end regex: ", m.lineEndPattern());
    }

    private static void compilePattern(String key, String prefix, String regex) {
        if (regex.isEmpty()) {
            return;
        }
        try {
            Pattern.compile(regex, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw ConfigException.at("multiline::" + key, prefix + e.getDescription() + " in `" + regex + "`");
        }
    }

    public List<String> include() {
        return include == null ? List.of() : include;
    }

    public List<String> exclude() {
        return exclude == null ? List.of() : exclude;
    }

    public Duration excludeOlderThan() {
        return excludeOlderThan == null ? Duration.ZERO : excludeOlderThan;
    }

    public boolean includeFileName() {
        return includeFileName;
    }

    public boolean includeFilePath() {
        return includeFilePath;
    }

    public boolean includeFileNameResolved() {
        return includeFileNameResolved;
    }

    public boolean includeFilePathResolved() {
        return includeFilePathResolved;
    }

    public boolean includeFileOwnerName() {
        return includeFileOwnerName;
    }

    public boolean includeFileOwnerGroupName() {
        return includeFileOwnerGroupName;
    }

    public boolean includeFilePermissions() {
        return includeFilePermissions;
    }

    public boolean includeFileRecordNumber() {
        return includeFileRecordNumber;
    }

    public boolean includeFileRecordOffset() {
        return includeFileRecordOffset;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int maxConcurrentFiles() {
        return maxConcurrentFiles;
    }

    public int maxBatches() {
        return maxBatches;
    }

    public String startAt() {
        return startAt;
    }

    public int fingerprintSize() {
        return fingerprintSize.asInt();
    }

    public int initialBufferSize() {
        return initialBufferSize == null ? DEFAULT_INITIAL_BUFFER_SIZE : initialBufferSize.asInt();
    }

    public int maxLogSize() {
        return maxLogSize.asInt();
    }

    public boolean truncateOnMaxLogSize() {
        return MAX_LOG_SIZE_TRUNCATE.equals(maxLogSizeBehavior);
    }

    public String encoding() {
        return encoding == null ? DEFAULT_ENCODING : encoding;
    }

    public MultilineConfig multiline() {
        return multiline == null ? MultilineConfig.defaults() : multiline;
    }

    public boolean preserveLeadingWhitespaces() {
        return preserveLeadingWhitespaces;
    }

    public boolean preserveTrailingWhitespaces() {
        return preserveTrailingWhitespaces;
    }

    public Duration forceFlushPeriod() {
        return forceFlushPeriod == null ? Duration.ZERO : forceFlushPeriod;
    }

    public boolean deleteAfterRead() {
        return deleteAfterRead;
    }

    public String compression() {
        return compression == null ? "" : compression;
    }

    public String onTruncate() {
        return onTruncate;
    }

    // Settings for code that builds configs without YAML (tests, receivers with fixed settings). Each returns this.

    public FileConsumerConfig include(String... globs) {
        include = List.of(globs);
        return this;
    }

    public FileConsumerConfig exclude(String... globs) {
        exclude = List.of(globs);
        return this;
    }

    public FileConsumerConfig excludeOlderThan(Duration age) {
        excludeOlderThan = age;
        return this;
    }

    public FileConsumerConfig startAt(String where) {
        startAt = where;
        return this;
    }

    public FileConsumerConfig pollInterval(Duration interval) {
        pollInterval = interval;
        return this;
    }

    public FileConsumerConfig fingerprintSize(long bytes) {
        fingerprintSize = ByteSize.of(bytes);
        return this;
    }

    public FileConsumerConfig maxLogSize(long bytes) {
        maxLogSize = ByteSize.of(bytes);
        return this;
    }

    public FileConsumerConfig maxLogSizeBehavior(String behavior) {
        maxLogSizeBehavior = behavior;
        return this;
    }

    public FileConsumerConfig maxConcurrentFiles(int files) {
        maxConcurrentFiles = files;
        return this;
    }

    public FileConsumerConfig maxBatches(int batches) {
        maxBatches = batches;
        return this;
    }

    public FileConsumerConfig encoding(String name) {
        encoding = name;
        return this;
    }

    public FileConsumerConfig multiline(MultilineConfig config) {
        multiline = config;
        return this;
    }

    public FileConsumerConfig forceFlushPeriod(Duration period) {
        forceFlushPeriod = period;
        return this;
    }

    public FileConsumerConfig deleteAfterRead(boolean delete) {
        deleteAfterRead = delete;
        return this;
    }

    public FileConsumerConfig compression(String name) {
        compression = name;
        return this;
    }

    public FileConsumerConfig onTruncate(String behavior) {
        onTruncate = behavior;
        return this;
    }

    public FileConsumerConfig preserveWhitespaces(boolean leading, boolean trailing) {
        preserveLeadingWhitespaces = leading;
        preserveTrailingWhitespaces = trailing;
        return this;
    }

    /** Sets include_file_name, include_file_path and their _resolved variants. */
    public FileConsumerConfig includeFile(boolean name, boolean path, boolean nameResolved, boolean pathResolved) {
        includeFileName = name;
        includeFilePath = path;
        includeFileNameResolved = nameResolved;
        includeFilePathResolved = pathResolved;
        return this;
    }

    /** Sets include_file_owner_name, include_file_owner_group_name and include_file_permissions. */
    public FileConsumerConfig includeFileOwner(boolean owner, boolean group, boolean permissions) {
        includeFileOwnerName = owner;
        includeFileOwnerGroupName = group;
        includeFilePermissions = permissions;
        return this;
    }

    /** Sets include_file_record_number and include_file_record_offset. */
    public FileConsumerConfig includeFileRecord(boolean number, boolean offset) {
        includeFileRecordNumber = number;
        includeFileRecordOffset = offset;
        return this;
    }
}
