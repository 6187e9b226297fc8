package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import java.util.function.IntConsumer;

/**
 * The bounded queue of frames waiting for one client. Any thread may {@link #offer}; frames are written on
 * the connection's own event loop by its {@link WriteLoop}, as fast as the socket takes them, several frames per
 * flush when several wait.
 *
 * <p>Overflow rule: when {@code capacity} frames are waiting, the client is not reading fast enough, and
 * the connection is cut ({@code onOverflow}). The only alternative that does not hold up the room's other
 * members, or grow memory without limit, is dropping frames, which silently breaks the client's view of
 * the room; a clean close tells it to reconnect and resume instead.
 *
 * <p>Allocation-free per frame: the queue is an array ring of references to the shared {@link EncodedText}s
 * (grown by doubling up to {@code capacity}, never per frame), and a connection with frames waiting is linked
 * into its loop's list through {@link #nextDirty} instead of a queued task per frame. A lock guards the ring:
 * its holders do a few field writes, and the producers of one connection are few (its rooms' owning threads).
 */
final class Outbound {
    /** Where the frames go; called on the event loop only. */
    interface Sink {
        /** False while the socket's own buffer is above its high-water mark (then wait for {@link #resume}). */
        boolean writable();

        /**
         * Writes one frame without flushing it; {@code behind} frames are queued after it (a hint: the drain may
         * stop before them when the socket pushes back).
         */
        void write(EncodedText frame, int behind);

        /** Sends what {@link #write} left in the socket's buffer: one syscall for every frame of a drain. */
        void flush();
    }

    private static final int INITIAL_SLOTS = 8;

    private final int capacity;
    private final WriteLoop loop;
    private final Sink sink;
    private final IntConsumer onOverflow;
    // Guarded by this.
    private EncodedText[] ring = new EncodedText[INITIAL_SLOTS];
    private int head;
    private int size;
    /** In the loop's list of connections to write: offers need not wake the loop. */
    private boolean listed;
    /** The socket pushed back: offers need not wake the loop, {@link #resume} will. */
    private boolean blocked;
    private boolean closed;
    /** Set by {@link #finish}: no new frames; run once the queue is written. */
    private Runnable whenFlushed;
    /** The loop's intrusive list of connections with frames to write (see {@link WriteLoop}). */
    Outbound nextDirty;

    /**
     * @param loop       the connection's event loop's writer
     * @param onOverflow called on the event loop with the capacity when a frame found the queue full
     */
    Outbound(int capacity, WriteLoop loop, Sink sink, IntConsumer onOverflow) {
        this.capacity = capacity;
        this.loop = loop;
        this.sink = sink;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false when the connection is closed or has just overflowed. */
    boolean offer(EncodedText frame) {
        boolean wake;
        synchronized (this) {
            if (closed || whenFlushed != null) {
                return false;
            }
            if (size == capacity) {
                closed = true;
                clear();
                loop.context().runOnContext(v -> onOverflow.accept(capacity));
                return false;
            }
            if (size == ring.length) {
                grow();
            }
            ring[(head + size) & (ring.length - 1)] = frame;
            size++;
            wake = !listed && !blocked;
            listed |= wake;
        }
        if (wake) {
            loop.schedule(this);
        }
        return true;
    }

    boolean offer(String frame) {
        return offer(EncodedText.of(frame));
    }

    /** Writes queued frames until the queue is empty or the socket pushes back, then flushes once. Event loop only. */
    void drain() {
        int written = 0;
        Runnable done = null;
        synchronized (this) {
            listed = false;
        }
        while (true) {
            EncodedText frame;
            int behind;
            synchronized (this) {
                if (closed) {
                    break;
                }
                if (size == 0) {
                    if (whenFlushed != null) {
                        done = whenFlushed;
                        closed = true;
                    }
                    break;
                }
                if (!sink.writable()) {
                    blocked = true; // resume() wakes it when the socket drains
                    break;
                }
                frame = ring[head];
                ring[head] = null;
                head = (head + 1) & (ring.length - 1);
                size--;
                behind = size;
            }
            sink.write(frame, behind);
            written++;
        }
        if (written > 0) {
            sink.flush();
        }
        if (done != null) {
            done.run();
        }
    }

    /** Refuses new frames, writes the queued ones, then runs {@code done} (on the event loop). */
    void finish(Runnable done) {
        boolean wake;
        synchronized (this) {
            whenFlushed = done;
            wake = !listed && !blocked;
            listed |= wake;
        }
        if (wake) {
            loop.schedule(this);
        }
    }

    /** The socket took what it had buffered: write on (called on the event loop when it becomes writable). */
    void resume() {
        synchronized (this) {
            if (!blocked) {
                return;
            }
            blocked = false;
            if (closed || listed) {
                return;
            }
            listed = true;
        }
        loop.schedule(this);
    }

    synchronized int size() {
        return size;
    }

    synchronized void close() {
        closed = true;
        clear();
    }

    private void grow() {
        EncodedText[] bigger = new EncodedText[Math.min(ring.length * 2, Integer.highestOneBit(capacity) * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }

    private void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
    }
}
