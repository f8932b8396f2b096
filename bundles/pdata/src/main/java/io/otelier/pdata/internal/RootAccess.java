package io.otelier.pdata.internal;

import io.otelier.pdata.Telemetry;

/**
 * How the codecs reach the received bytes a root holds, which are not part of the model's API: the root package
 * registers its implementation here when its classes initialise (the JDK's "shared secrets" pattern). This
 * package is private to the bundle.
 */
public final class RootAccess {

    public interface Access {
        /** The bytes {@code root} still holds undecoded, or null. */
        Received received(Telemetry root);

        /** Makes a new, empty root stand for {@code received} until it is first read. */
        void attach(Telemetry root, Received received);
    }

    private static volatile Access access;

    private RootAccess() {
    }

    public static void register(Access implementation) {
        access = implementation;
    }

    public static Access get() {
        Access current = access;
        if (current == null) {
            try {
                // the root package registers when its classes initialise
                Class.forName("io.otelier.pdata.TreeNode", true, RootAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            current = access;
        }
        return current;
    }
}
