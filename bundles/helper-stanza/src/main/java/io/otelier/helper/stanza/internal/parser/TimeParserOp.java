package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TimeParser;

/** time_parser (upstream operator/parser/time); like upstream it ignores keys it does not know. */
public final class TimeParserOp extends Transformer {

    private final TimeParser parser;

    public TimeParserOp(Writer.Common common, Conf conf) {
        super(common, conf);
        this.parser = TimeParser.read(conf);
        conf.ignoreUnused();
    }

    @Override
    protected void transform(Entry entry) throws Exception {
        parser.parse(entry);
    }
}
