package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.SeverityParser;

/** severity_parser (upstream operator/parser/severity). */
public final class SeverityParserOp extends Transformer {

    private final SeverityParser parser;

    public SeverityParserOp(Writer.Common common, Conf conf) {
        super(common, conf);
        this.parser = SeverityParser.read(conf);
    }

    @Override
    protected void transform(Entry entry) {
        parser.parse(entry);
    }
}
