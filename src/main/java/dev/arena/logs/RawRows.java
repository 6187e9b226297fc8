package dev.arena.logs;

/**
 * A batch's raw events in the store's own form, written as each line is read ({@link LogStore.Session#rawRows}):
 * an event is encoded once and the {@link LogEvent} let go at once, instead of a batch holding 50,000 of them
 * until its COPY. Held that long, they lived through young collections, which copied them in pauses that stop the
 * server's event loops too (docs/BENCHMARKS.md, "raw events encoded as they are read"). Filled by the reading
 * thread, then read by the committing thread.
 */
public interface RawRows {
    /** The event of line {@code line}. */
    void add(LogEvent e, long line);
}
