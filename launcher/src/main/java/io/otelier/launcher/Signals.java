package io.otelier.launcher;

import sun.misc.Signal;

/** SIGHUP handling. Replacing the JVM's default handler is what keeps SIGHUP from ending the process. */
final class Signals {

    private Signals() {
    }

    static void onHangup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                Thread t = new Thread(action, "otelier-sighup");
                t.setDaemon(true);
                t.start();
            });
        } catch (IllegalArgumentException e) {
            // no SIGHUP on this platform (or the JVM runs with -Xrs): nothing to handle
        }
    }
}
