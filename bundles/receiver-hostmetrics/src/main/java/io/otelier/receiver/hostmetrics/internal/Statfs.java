package io.otelier.receiver.hostmetrics.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;

/** statfs(2) of a mounted filesystem, as gopsutil's disk.Usage reads it. */
interface Statfs {

    /** Sizes in bytes, inodes in counts. */
    record Usage(long total, long free, long used, long inodesTotal, long inodesFree) {

        long inodesUsed() {
            // gopsutil reports no inode use when the filesystem reports fewer inodes than free ones
            return inodesTotal < inodesFree ? 0 : inodesTotal - inodesFree;
        }
    }

    Usage usage(String path) throws IOException;

    /**
     * The native implementation, or a clear error when the optional JNA bundle is missing (checked by name first,
     * so that nothing here links against JNA before it is known to be there).
     */
    static Statfs load() throws IOException {
        try {
            Class.forName("com.sun.jna.Native", false, Statfs.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IOException("the filesystem scraper needs the JNA bundle com.sun.jna "
                    + "(net.java.dev.jna:jna-jpms 5.19.1) installed", e);
        }
        return new Native64();
    }

    /** The C library's statvfs(3), whose block and inode fields equal statfs(2)'s on 64-bit Linux. */
    final class Native64 implements Statfs {

        private interface LibC extends Library {
            int statvfs(String path, Memory buf) throws LastErrorException;
        }

        /** glibc's 64-bit struct statvfs: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, …. */
        private static final int STRUCT_SIZE = 256;

        private static volatile LibC libc;

        @Override
        public Usage usage(String path) throws IOException {
            if (Native.LONG_SIZE != 8) {
                throw new IOException("statvfs is only read on 64-bit Linux");
            }
            try (Memory buf = new Memory(STRUCT_SIZE)) {
                library().statvfs(path, buf);
                long bsize = buf.getLong(0);
                long blocks = buf.getLong(16);
                long bfree = buf.getLong(24);
                long bavail = buf.getLong(32);
                long files = buf.getLong(40);
                long ffree = buf.getLong(48);
                return new Usage(blocks * bsize, bavail * bsize, (blocks - bfree) * bsize, files, ffree);
            } catch (LastErrorException e) {
                throw new IOException(path + ": errno " + e.getErrorCode(), e);
            } catch (UnsatisfiedLinkError e) {
                throw new IOException("statvfs unavailable: " + e.getMessage(), e);
            }
        }

        private static LibC library() {
            LibC l = libc;
            if (l == null) {
                l = Native.load("c", LibC.class);
                libc = l;
            }
            return l;
        }
    }
}
