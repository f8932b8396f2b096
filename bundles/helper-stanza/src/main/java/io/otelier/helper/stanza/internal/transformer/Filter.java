package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.Expression;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Expressions;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import java.security.SecureRandom;

/**
 * filter: drops entries matching {@code expr}, a {@code drop_ratio} share of them (upstream transformer/filter).
 * As upstream, an expression error passes nothing on and {@code if}/{@code on_error} are accepted but unused.
 */
public final class Filter extends Transformer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Expression expression;
    private final int dropCutoff;

    public Filter(Writer.Common common, Conf conf) {
        super(common, conf);
        String source = conf.string("expr", "");
        this.expression = Expressions.compileBool(conf, "expr", source);
        double ratio = conf.number("drop_ratio", 1.0);
        if (ratio < 0 || ratio > 1) {
            throw conf.fail("drop_ratio", "drop_ratio must be a number between 0 and 1");
        }
        this.dropCutoff = (int) (ratio * 1000);
    }

    @Override
    public void process(Entry entry) {
        boolean matches;
        try {
            matches = expression.test(entry);
        } catch (ExprException e) {
            logger.error("Running expressing returned an error", null, "error", e.getMessage());
            return;
        }
        if (!matches || RANDOM.nextInt(1000) >= dropCutoff) {
            write(entry);
        }
    }
}
