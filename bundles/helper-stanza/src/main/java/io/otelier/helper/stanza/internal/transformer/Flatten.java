package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import java.util.Map;

/** flatten: lifts a map's keys into its parent (upstream transformer/flatten). */
public final class Flatten extends Transformer {

    private final Field field;

    public Flatten(Writer.Common common, Conf conf) {
        super(common, conf);
        this.field = conf.field("field", Field.body());
    }

    @Override
    protected void transform(Entry entry) {
        Field parent = field.parent();
        if (!field.has(entry)) {
            throw new IllegalStateException("apply flatten: field " + field + " does not exist on entry");
        }
        Object value = field.delete(entry);
        if (!(value instanceof Map<?, ?> map)) {
            field.set(entry, value);
            throw new IllegalStateException("apply flatten: field " + field + " is not a map");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            parent.child(String.valueOf(e.getKey())).set(entry, e.getValue());
        }
    }
}
