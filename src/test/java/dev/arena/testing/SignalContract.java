package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What every node-wide signal seam must do (session revocations, profile changes; in-process and Redis): the sending
 * node's listeners have run when the send completes, every other node hears it within a second, in order and with its
 * fields intact, and a stopped listener hears nothing.
 *
 * @param <S> the seam
 * @param <T> what it signals
 */
public abstract class SignalContract<S, T> {

    /** The seam as the node named {@code node} sees it (in-process: every node of the process shares one). */
    protected abstract S node(String node);

    protected abstract Future<Void> send(S seam, T item);

    /** Registers a listener; the returned action stops it. */
    protected abstract Runnable listen(S seam, Consumer<T> listener);

    /** Three distinct items, as varied as the signal's fields allow. */
    protected abstract List<T> samples();

    protected static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete normally", e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSendingNodeHasAppliedItWhenTheSendCompletes() {
        S a = node(unique("a"));
        List<T> heard = new CopyOnWriteArrayList<>();
        listen(a, heard::add);
        T item = samples().getFirst();
        await(send(a, item));
        assertThat(heard).containsExactly(item);
    }

    @Test
    void everyOtherNodeHearsItWithinASecondInOrderWithItsFieldsIntact() {
        S a = node(unique("a"));
        S b = node(unique("b"));
        List<T> heardByB = new CopyOnWriteArrayList<>();
        listen(b, heardByB::add);
        List<T> sent = samples();
        long t0 = System.nanoTime();
        sent.forEach(item -> await(send(a, item)));
        Eventually.until(() -> List.copyOf(heardByB), h -> h.containsAll(sent), Duration.ofSeconds(1),
                "all three on node b");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        // in send order (other test classes' nodes may share the channel: only ours count)
        assertThat(heardByB.stream().filter(sent::contains).toList()).containsExactlyElementsOf(sent);
    }

    @Test
    void aStoppedListenerHearsNothingMore() {
        S a = node(unique("a"));
        List<T> stopped = new CopyOnWriteArrayList<>();
        List<T> kept = new CopyOnWriteArrayList<>();
        listen(a, stopped::add).run();
        listen(a, kept::add);
        T item = samples().getLast();
        await(send(a, item));
        assertThat(kept).containsExactly(item);
        assertThat(stopped).isEmpty();
    }
}
