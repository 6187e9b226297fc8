package dev.arena.logs;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * An upload's body as a blocking {@link InputStream} for the ingest thread, with real backpressure: when more than
 * {@link #HIGH_WATER} bytes wait, the request is paused (TCP then pushes back on the client), and it is resumed on
 * its own context once the reader has taken the queue below {@link #LOW_WATER}. Memory per upload is therefore
 * bounded by the high-water mark plus what arrives in one event-loop turn.
 */
public final class UploadPipe extends InputStream {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private final ReadStream<Buffer> source;
    private final Context context;
    /** Vert.x hands each chunk over as a heap copy of its own: kept as it is, copied once, into the reader's buffer. */
    private final ArrayDeque<Buffer> chunks = new ArrayDeque<>();
    private Buffer current;
    private int pos;
    private long queued;
    private boolean paused;
    private boolean resumeScheduled;
    private boolean ended;
    private IOException failure;

    public UploadPipe(ReadStream<Buffer> source, Context context) {
        this.source = source;
        this.context = context;
    }

    /**
     * Starts the flow on the source's context, running {@code first} there before the first byte is asked for. The
     * source must be paused until then, so no byte is lost.
     */
    public void start(Runnable first) {
        context.runOnContext(v -> {
            first.run();
            source.handler(this::offer);
            source.endHandler(x -> end());
            source.exceptionHandler(t -> fail(new IOException("upload broken: " + t.getMessage())));
            source.resume();
        });
    }

    private synchronized void offer(Buffer b) {
        if (failure != null) {
            return;
        }
        chunks.add(b);
        queued += b.length();
        notifyAll();
        if (queued >= HIGH_WATER && !paused) {
            paused = true;
            source.pause();
        }
    }

    private synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The reader sees this failure (after the bytes already queued are gone, it is not read further). */
    public synchronized void fail(IOException e) {
        if (failure == null && !ended) {
            failure = e;
            chunks.clear();
            current = null;
            notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** As many queued bytes as fit (several chunks in one call), waiting only when none is queued. */
    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            if (failure != null) {
                throw failure;
            }
            if (current == null) {
                current = chunks.poll();
                pos = 0;
            }
            if (current != null) {
                break;
            }
            if (ended) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        int done = 0;
        while (current != null && done < len) {
            int n = Math.min(len - done, current.length() - pos);
            current.getBytes(pos, pos + n, b, off + done);
            pos += n;
            done += n;
            if (pos == current.length()) {
                current = chunks.poll();
                pos = 0;
            }
        }
        queued -= done;
        if (paused && !resumeScheduled && queued <= LOW_WATER) {
            resumeScheduled = true;
            context.runOnContext(v -> resumeIfDrained());
        }
        return done;
    }

    /** On the source's context: the decision and the resume happen where pause happens, so they cannot cross. */
    private synchronized void resumeIfDrained() {
        resumeScheduled = false;
        if (paused && queued <= LOW_WATER && failure == null) {
            paused = false;
            source.resume();
        }
    }

    /** Bytes received and not yet read (tests). */
    synchronized long queued() {
        return queued;
    }
}
