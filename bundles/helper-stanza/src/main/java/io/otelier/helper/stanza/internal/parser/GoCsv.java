package io.otelier.helper.stanza.internal.parser;

import java.util.ArrayList;
import java.util.List;

/** Go's encoding/csv Reader semantics for one log line (FieldsPerRecord -1, optional LazyQuotes). */
final class GoCsv {

    private GoCsv() {
    }

    /** Upstream's parseutils.ReadCSVRow: records after the first continue the previous record's last field. */
    static List<String> readRow(String row, int delimiter, boolean lazyQuotes) {
        List<String> lines = splitLines(row);
        int[] cursor = {0};
        List<String> joined = null;
        while (true) {
            List<String> record = readRecord(lines, cursor, delimiter, lazyQuotes);
            if (record == null) {
                break;
            }
            if (joined == null) {
                joined = record;
            } else {
                int last = joined.size() - 1;
                joined.set(last, joined.get(last) + "\n" + record.get(0));
                joined.addAll(record.subList(1, record.size()));
            }
        }
        if (joined == null) {
            throw new IllegalArgumentException("no csv lines found");
        }
        return joined;
    }

    /** Physical lines, each keeping its "\n" (a final line without one has none); CRLF becomes LF. */
    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            String line = nl < 0 ? s.substring(start) : s.substring(start, nl + 1);
            if (line.endsWith("\r\n")) {
                line = line.substring(0, line.length() - 2) + "\n";
            }
            lines.add(line);
            start = nl < 0 ? s.length() : nl + 1;
        }
        return lines;
    }

    private static int lengthNL(String s) {
        return s.endsWith("\n") ? 1 : 0;
    }

    private static List<String> readRecord(List<String> lines, int[] cursor, int comma, boolean lazy) {
        String line = null;
        int lineNo = 0;
        while (cursor[0] < lines.size()) {
            String candidate = lines.get(cursor[0]++);
            lineNo = cursor[0];
            if (candidate.length() == lengthNL(candidate)) {
                continue;
            }
            line = candidate;
            break;
        }
        if (line == null) {
            return null;
        }
        int recLine = lineNo;
        String delim = new String(Character.toChars(comma));
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int col = 1;
        parseField:
        while (true) {
            if (line.isEmpty() || line.charAt(0) != '"') {
                int i = line.indexOf(delim);
                String f = i >= 0 ? line.substring(0, i) : line.substring(0, line.length() - lengthNL(line));
                if (!lazy) {
                    int j = f.indexOf('"');
                    if (j >= 0) {
                        throw parseError(recLine, lineNo, col + j, "bare \" in non-quoted-field");
                    }
                }
                fields.add(f);
                if (i >= 0) {
                    col += i + delim.length();
                    line = line.substring(i + delim.length());
                    continue;
                }
                break;
            }
            line = line.substring(1);
            col++;
            field.setLength(0);
            while (true) {
                int i = line.indexOf('"');
                if (i >= 0) {
                    field.append(line, 0, i);
                    line = line.substring(i + 1);
                    col += i + 1;
                    if (line.startsWith("\"")) {
                        field.append('"');
                        line = line.substring(1);
                        col++;
                    } else if (line.startsWith(delim)) {
                        line = line.substring(delim.length());
                        col += delim.length();
                        fields.add(field.toString());
                        continue parseField;
                    } else if (lengthNL(line) == line.length()) {
                        fields.add(field.toString());
                        break parseField;
                    } else if (lazy) {
                        field.append('"');
                    } else {
                        throw parseError(recLine, lineNo, col, "extraneous or missing \" in quoted-field");
                    }
                } else if (!line.isEmpty()) {
                    field.append(line);
                    if (cursor[0] >= lines.size()) {
                        line = "";
                        continue;
                    }
                    line = lines.get(cursor[0]++);
                    lineNo = cursor[0];
                    col = 1;
                } else {
                    fields.add(field.toString());
                    break parseField;
                }
            }
        }
        return fields;
    }

    private static IllegalArgumentException parseError(int startLine, int line, int column, String problem) {
        String where = startLine != line
                ? "record on line " + startLine + "; parse error on line " + line + ", column " + column
                : "parse error on line " + line + ", column " + column;
        return new IllegalArgumentException("read csv line: " + where + ": " + problem);
    }
}
