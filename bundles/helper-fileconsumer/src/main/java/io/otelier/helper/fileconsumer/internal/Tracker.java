package io.otelier.helper.fileconsumer.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The files a consumer knows (upstream tracker.fileTracker): readers of the current poll, readers still open from
 * the previous poll, and the states of closed files from the last three polls. Lookups by fingerprint remove what
 * they find, so one file is never continued twice.
 */
final class Tracker {

    private static final int KNOWN_GENERATIONS = 3;

    private List<FileReader> current = new ArrayList<>();
    private List<FileReader> previous = new ArrayList<>();
    private final List<List<FileState>> known = new ArrayList<>();

    Tracker() {
        for (int i = 0; i < KNOWN_GENERATIONS; i++) {
            known.add(new ArrayList<>());
        }
    }

    void add(FileReader reader) {
        current.add(reader);
    }

    /** A reader of this poll with exactly this fingerprint (a copy of a file not yet truncated). */
    FileReader takeCurrentEqual(Fingerprint fp) {
        for (Iterator<FileReader> it = current.iterator(); it.hasNext();) {
            FileReader r = it.next();
            if (r.fingerprint().equals(fp)) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    /** An open reader of the previous poll whose file this is (same first bytes, maybe grown). */
    FileReader takePrevious(Fingerprint fp) {
        for (Iterator<FileReader> it = previous.iterator(); it.hasNext();) {
            FileReader r = it.next();
            if (fp.startsWith(r.fingerprint())) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    /** The state of a closed file this is. */
    FileState takeKnown(Fingerprint fp) {
        for (List<FileState> generation : known) {
            for (Iterator<FileState> it = generation.iterator(); it.hasNext();) {
                FileState s = it.next();
                if (fp.startsWith(s.fingerprint)) {
                    it.remove();
                    return s;
                }
            }
        }
        return null;
    }

    List<FileReader> current() {
        return current;
    }

    List<FileReader> previous() {
        return previous;
    }

    void load(List<FileState> states) {
        known.get(0).addAll(states);
    }

    /**
     * Everything worth checkpointing: closed files, the open readers of the last poll and, in the middle of a poll,
     * the readers of this one (a file is in only one of these).
     */
    List<FileState> states() {
        List<FileState> out = new ArrayList<>();
        known.forEach(out::addAll);
        for (FileReader r : previous) {
            out.add(r.state());
        }
        for (FileReader r : current) {
            out.add(r.state());
        }
        return out;
    }

    /** Closes the previous poll's readers and makes this poll's the previous. */
    int endConsume() {
        int closed = closePrevious();
        previous = current;
        current = new ArrayList<>();
        return closed;
    }

    int closePrevious() {
        int closed = 0;
        for (FileReader r : previous) {
            known.get(0).add(r.close());
            closed++;
        }
        previous.clear();
        return closed;
    }

    /** Ages the closed files' states; the oldest generation is forgotten. */
    void endPoll() {
        List<FileState> oldest = known.remove(KNOWN_GENERATIONS - 1);
        oldest.clear();
        known.add(0, oldest);
    }
}
