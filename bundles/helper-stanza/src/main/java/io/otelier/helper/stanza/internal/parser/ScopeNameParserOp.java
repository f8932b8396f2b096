package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.ScopeNameParser;

/** scope_name_parser (upstream operator/parser/scope). */
public final class ScopeNameParserOp extends Transformer {

    private final ScopeNameParser parser;

    public ScopeNameParserOp(Writer.Common common, Conf conf) {
        super(common, conf);
        this.parser = ScopeNameParser.read(conf);
    }

    @Override
    protected void transform(Entry entry) {
        parser.parse(entry);
    }
}
