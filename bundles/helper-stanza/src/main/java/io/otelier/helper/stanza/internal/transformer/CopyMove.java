package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;

/** copy and move (upstream transformer/copy, transformer/move). */
public final class CopyMove extends Transformer {

    private final Field from;
    private final Field to;
    private final boolean move;

    private CopyMove(Writer.Common common, Conf conf, boolean move) {
        super(common, conf);
        this.move = move;
        this.from = conf.field("from", null);
        this.to = conf.field("to", null);
        if (from == null && to == null) {
            throw conf.fail(null, "copy: missing from field\ncopy: missing to field");
        }
        if (from == null) {
            throw conf.fail("from", "copy: missing from field");
        }
        if (to == null) {
            throw conf.fail("to", "copy: missing to field");
        }
    }

    public static CopyMove copy(Writer.Common common, Conf conf) {
        return new CopyMove(common, conf, false);
    }

    public static CopyMove move(Writer.Common common, Conf conf) {
        return new CopyMove(common, conf, true);
    }

    @Override
    protected void transform(Entry entry) {
        if (move) {
            if (!from.has(entry)) {
                throw new IllegalStateException("move: field does not exist: " + from);
            }
            Object value = from.delete(entry);
            to.set(entry, value);
            return;
        }
        if (!from.has(entry)) {
            throw new IllegalStateException("copy: from field does not exist in this entry: " + from);
        }
        to.set(entry, Entry.copyValue(from.get(entry)));
    }
}
