package io.otelier.pdata;

import io.otelier.pdata.internal.Received;
import io.otelier.pdata.internal.RootAccess;

/** The roots' side of {@link RootAccess}. */
final class ReceivedRoots implements RootAccess.Access {

    @Override
    public Received received(Telemetry root) {
        if (root instanceof Traces traces) {
            return traces.received();
        }
        if (root instanceof Metrics metrics) {
            return metrics.received();
        }
        if (root instanceof Logs logs) {
            return logs.received();
        }
        return null;
    }

    @Override
    public void attach(Telemetry root, Received received) {
        if (root instanceof Traces traces) {
            traces.attach(received);
        } else if (root instanceof Metrics metrics) {
            metrics.attach(received);
        } else if (root instanceof Logs logs) {
            logs.attach(received);
        } else {
            throw new IllegalArgumentException("not a root: " + root);
        }
    }
}
