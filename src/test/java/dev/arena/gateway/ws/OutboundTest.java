package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.EncodedText;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection's queue: order, one flush per drain, back-pressure, the overflow rule and a flushing close. */
class OutboundTest {
    private Vertx vertx;
    private Context context;
    private WriteLoop loop;
    private final Recorder sink = new Recorder();
    private final List<Integer> overflows = new ArrayList<>();

    /** Records writes and flushes; touched only on the event loop. */
    private static final class Recorder implements Outbound.Sink {
        final List<String> written = new ArrayList<>();
        int flushes;
        boolean writable = true;

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public void write(EncodedText frame, int behind) {
            written.add(frame.text());
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        loop = new WriteLoop(context);
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void framesQueuedInOneTurnAreWrittenInOrderWithOneFlush() throws Exception {
        Outbound out = new Outbound(16, loop, sink, overflows::add);
        on(() -> {
            for (int i = 0; i < 5; i++) {
                out.offer("f" + i);
            }
            return null;
        });
        assertThat(on(() -> List.copyOf(sink.written))).containsExactly("f0", "f1", "f2", "f3", "f4");
        assertThat(on(() -> sink.flushes)).isEqualTo(1);
    }

    @Test
    void aSocketThatPushesBackGetsTheRestWhenItDrains() throws Exception {
        Outbound out = new Outbound(16, loop, sink, overflows::add);
        on(() -> {
            sink.writable = false;
            out.offer("a");
            out.offer("b");
            return null;
        });
        assertThat(on(() -> List.copyOf(sink.written))).isEmpty();
        on(() -> {
            sink.writable = true;
            out.resume();
            return null;
        });
        assertThat(on(() -> List.copyOf(sink.written))).containsExactly("a", "b");
        assertThat(out.size()).isZero();
    }

    @Test
    void theFrameBeyondCapacityCutsTheConnection() throws Exception {
        Outbound out = new Outbound(4, loop, sink, overflows::add);
        List<Boolean> accepted = on(() -> {
            sink.writable = false; // a client that does not read
            List<Boolean> r = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                r.add(out.offer("f" + i));
            }
            return r;
        });
        assertThat(accepted).containsExactly(true, true, true, true, false, false);
        assertThat(on(() -> List.copyOf(overflows))).containsExactly(4);
        assertThat(out.size()).isZero(); // nothing more is kept for a connection being cut
    }

    @Test
    void aQueueGrowsPastItsFirstSlotsUpToCapacity() throws Exception {
        Outbound out = new Outbound(100, loop, sink, overflows::add);
        on(() -> {
            sink.writable = false;
            for (int i = 0; i < 100; i++) {
                out.offer("f" + i);
            }
            return null;
        });
        assertThat(out.size()).isEqualTo(100);
        assertThat(overflows).isEmpty();
        on(() -> {
            sink.writable = true;
            out.resume();
            return null;
        });
        List<String> written = on(() -> List.copyOf(sink.written));
        assertThat(written).hasSize(100);
        assertThat(written.get(0)).isEqualTo("f0");
        assertThat(written.get(99)).isEqualTo("f99");
    }

    @Test
    void finishWritesWhatWaitsThenRunsAndRefusesNewFrames() throws Exception {
        Outbound out = new Outbound(16, loop, sink, overflows::add);
        List<String> atDone = new ArrayList<>();
        boolean late = on(() -> {
            out.offer("last words");
            out.finish(() -> atDone.addAll(sink.written));
            return out.offer("too late");
        });
        assertThat(late).isFalse();
        assertThat(on(() -> List.copyOf(atDone))).containsExactly("last words");
        assertThat(on(() -> List.copyOf(sink.written))).containsExactly("last words");
    }

    /** Runs on the loop's context and waits; a second round trip lets the write task queued by the first run. */
    private <T> T on(Supplier<T> s) throws Exception {
        T result = once(s);
        once(() -> null);
        return result;
    }

    private <T> T once(Supplier<T> s) throws Exception {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> p.complete(s.get()));
        return p.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
