package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** assign_keys: a list becomes a map under the given keys (upstream transformer/assignkeys). */
public final class AssignKeys extends Transformer {

    private final Field field;
    private final List<String> keys;

    public AssignKeys(Writer.Common common, Conf conf) {
        super(common, conf);
        this.field = conf.field("field", Field.body());
        List<String> k = conf.strings("keys");
        if (k == null || k.isEmpty()) {
            throw conf.fail("keys", "assign_keys missing required field keys");
        }
        this.keys = List.copyOf(k);
    }

    @Override
    protected void transform(Entry entry) {
        if (!field.has(entry)) {
            throw new IllegalStateException("apply assign_keys: field " + field + " does not exist on entry");
        }
        if (!(field.get(entry) instanceof List<?> values)) {
            throw new IllegalStateException("apply assign_keys: couldn't convert field " + field + " to []any");
        }
        if (values.size() != keys.size()) {
            throw new IllegalStateException("apply assign_keys: field " + field + " contains " + values.size()
                    + " values while expected keys are [" + String.join(" ", keys) + "] contain " + keys.size()
                    + " keys");
        }
        Map<String, Object> assigned = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            assigned.put(keys.get(i), values.get(i));
        }
        field.set(entry, assigned);
    }
}
