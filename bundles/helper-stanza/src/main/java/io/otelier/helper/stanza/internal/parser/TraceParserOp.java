package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TraceParser;

/** trace_parser (upstream operator/parser/trace). */
public final class TraceParserOp extends Transformer {

    private final TraceParser parser;

    public TraceParserOp(Writer.Common common, Conf conf) {
        super(common, conf);
        this.parser = TraceParser.read(conf);
    }

    @Override
    protected void transform(Entry entry) {
        parser.parse(entry);
    }
}
