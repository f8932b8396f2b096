package io.otelier.builder;

/** Where the builder tells what it is doing: one line per step, details only when asked for. */
public interface Progress {

    /** A step of the build, always shown. */
    void step(String line);

    /** A detail, shown in verbose mode. */
    void detail(String line);

    /** Something the user should look at that does not stop the build. */
    void warning(String line);

    Progress SILENT = new Progress() {
        @Override
        public void step(String line) {
        }

        @Override
        public void detail(String line) {
        }

        @Override
        public void warning(String line) {
        }
    };
}
