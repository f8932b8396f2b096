package io.otelier.helper.stanza.internal;

import io.otelier.helper.stanza.internal.op.Registry;
import io.otelier.helper.stanza.internal.parser.ContainerParser;
import io.otelier.helper.stanza.internal.parser.CsvParser;
import io.otelier.helper.stanza.internal.parser.JsonParser;
import io.otelier.helper.stanza.internal.parser.KeyValueParser;
import io.otelier.helper.stanza.internal.parser.SyslogParser;
import io.otelier.helper.stanza.internal.parser.UriParser;
import io.otelier.helper.stanza.internal.parser.RegexParser;
import io.otelier.helper.stanza.internal.parser.ScopeNameParserOp;
import io.otelier.helper.stanza.internal.parser.SeverityParserOp;
import io.otelier.helper.stanza.internal.parser.TimeParserOp;
import io.otelier.helper.stanza.internal.parser.TraceParserOp;
import io.otelier.helper.stanza.internal.transformer.Add;
import io.otelier.helper.stanza.internal.transformer.AssignKeys;
import io.otelier.helper.stanza.internal.transformer.CopyMove;
import io.otelier.helper.stanza.internal.transformer.Filter;
import io.otelier.helper.stanza.internal.transformer.Flatten;
import io.otelier.helper.stanza.internal.transformer.Noop;
import io.otelier.helper.stanza.internal.transformer.Recombine;
import io.otelier.helper.stanza.internal.transformer.RegexReplace;
import io.otelier.helper.stanza.internal.transformer.Remove;
import io.otelier.helper.stanza.internal.transformer.Retain;
import io.otelier.helper.stanza.internal.transformer.Router;
import io.otelier.helper.stanza.internal.transformer.Unquote;
import java.util.Map;

/** Every operator type, registered by name. */
public final class Operators {

    private Operators() {
    }

    public static void registerAll(Map<String, Registry.Builder> builders) {
        builders.put("json_parser", JsonParser::new);
        builders.put("regex_parser", RegexParser::new);
        builders.put("severity_parser", SeverityParserOp::new);
        builders.put("time_parser", TimeParserOp::new);
        builders.put("trace_parser", TraceParserOp::new);
        builders.put("scope_name_parser", ScopeNameParserOp::new);
        builders.put("add", Add::new);
        builders.put("copy", CopyMove::copy);
        builders.put("move", CopyMove::move);
        builders.put("remove", Remove::new);
        builders.put("retain", Retain::new);
        builders.put("flatten", Flatten::new);
        builders.put("filter", Filter::new);
        builders.put("router", Router::new);
        builders.put("noop", Noop::new);
        builders.put("regex_replace", RegexReplace::new);
        builders.put("unquote", Unquote::new);
        builders.put("assign_keys", AssignKeys::new);
        builders.put("csv_parser", CsvParser::new);
        builders.put("key_value_parser", KeyValueParser::new);
        builders.put("uri_parser", UriParser::new);
        builders.put("syslog_parser", SyslogParser::new);
        builders.put("container", ContainerParser::new);
        builders.put("recombine", Recombine::new);
    }
}
