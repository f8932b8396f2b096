package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;

/** noop: passes entries on unchanged (upstream transformer/noop). */
public final class Noop extends Transformer {

    public Noop(Writer.Common common, Conf conf) {
        super(common, conf);
    }

    @Override
    public void process(Entry entry) {
        write(entry);
    }
}
