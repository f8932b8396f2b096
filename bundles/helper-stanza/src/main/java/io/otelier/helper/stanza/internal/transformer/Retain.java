package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import java.util.ArrayList;
import java.util.List;

/** retain: keeps only the listed fields of each part they name (upstream transformer/retain). */
public final class Retain extends Transformer {

    private final List<Field> fields = new ArrayList<>();
    private boolean allBody;
    private boolean allAttributes;
    private boolean allResource;

    public Retain(Writer.Common common, Conf conf) {
        super(common, conf);
        List<String> names = conf.strings("fields");
        if (names == null || names.isEmpty()) {
            throw conf.fail("fields", "retain: 'fields' is empty");
        }
        for (String name : names) {
            Field f;
            try {
                f = Field.parse(name);
            } catch (IllegalArgumentException e) {
                throw conf.fail("fields", e.getMessage());
            }
            fields.add(f);
            switch (f.root()) {
                case RESOURCE -> allResource = true;
                case ATTRIBUTES -> allAttributes = true;
                default -> allBody = true;
            }
        }
    }

    @Override
    protected void transform(Entry entry) {
        Entry retained = new Entry();
        if (!allResource) {
            retained.setResource(entry.resource());
        }
        if (!allAttributes) {
            retained.setAttributes(entry.attributes());
        }
        if (!allBody) {
            retained.setBody(entry.body());
        }
        for (Field f : fields) {
            if (f.has(entry)) {
                f.set(retained, f.get(entry));
            }
        }
        entry.setResource(retained.resource());
        entry.setAttributes(retained.attributes());
        entry.setBody(retained.body());
    }
}
