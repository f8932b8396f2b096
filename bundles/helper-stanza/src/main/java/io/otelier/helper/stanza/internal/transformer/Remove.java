package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;

/** remove: deletes a field; {@code attributes} / {@code resource} alone clear the whole map (upstream transformer/remove). */
public final class Remove extends Transformer {

    private final Field field;

    public Remove(Writer.Common common, Conf conf) {
        super(common, conf);
        this.field = conf.rootableField("field", null);
        if (field == null) {
            throw conf.fail("field", "remove: field is empty");
        }
    }

    @Override
    protected void transform(Entry entry) {
        if (field.isRoot() && field.root() == Field.Root.ATTRIBUTES) {
            entry.setAttributes(null);
            return;
        }
        if (field.isRoot() && field.root() == Field.Root.RESOURCE) {
            entry.setResource(null);
            return;
        }
        if (!field.has(entry)) {
            throw new IllegalStateException("remove: field does not exist: " + field);
        }
        field.delete(entry);
    }
}
