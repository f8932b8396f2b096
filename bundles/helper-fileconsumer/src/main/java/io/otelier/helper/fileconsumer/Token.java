package io.otelier.helper.fileconsumer;

import java.util.Map;

/**
 * One entry read from a file.
 *
 * @param body       the decoded text, or the raw bytes ({@code byte[]}) with encoding nop
 * @param attributes the file's attributes ({@code log.file.name}, … and, when asked for,
 *                   {@code log.file.record_number} / {@code log.file.record_offset}); do not modify
 */
public record Token(Object body, Map<String, Object> attributes) {

    public static final String LOG_FILE_NAME = "log.file.name";
    public static final String LOG_FILE_PATH = "log.file.path";
    public static final String LOG_FILE_NAME_RESOLVED = "log.file.name_resolved";
    public static final String LOG_FILE_PATH_RESOLVED = "log.file.path_resolved";
    public static final String LOG_FILE_OWNER_NAME = "log.file.owner.name";
    public static final String LOG_FILE_OWNER_GROUP_NAME = "log.file.owner.group.name";
    public static final String LOG_FILE_PERMISSIONS = "log.file.permissions";
    public static final String LOG_FILE_RECORD_NUMBER = "log.file.record_number";
    public static final String LOG_FILE_RECORD_OFFSET = "log.file.record_offset";
}
