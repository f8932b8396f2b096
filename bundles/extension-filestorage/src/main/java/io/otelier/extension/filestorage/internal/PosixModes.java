package io.otelier.extension.filestorage.internal;

/** Octal permission bits in the {@code rwxr-x---} form Java's POSIX attributes take. */
final class PosixModes {

    private PosixModes() {
    }

    static String toString(int mode) {
        StringBuilder s = new StringBuilder(9);
        String letters = "rwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? letters.charAt(2 - bit % 3) : '-');
        }
        return s.toString();
    }
}
