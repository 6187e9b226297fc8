package dev.arena.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProfileChanges} must do: the changing node's listeners have run when {@code changed} completes,
 * every other node hears it within a second in order, and a stopped listener hears nothing.
 */
public abstract class ProfileChangesContract {

    /** The seam as the node named {@code node} sees it (in-process: every node of the process shares one). */
    protected abstract ProfileChanges node(String node);

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
    void theChangingNodeHasAppliedItWhenChangedCompletes() {
        ProfileChanges a = node(unique("a"));
        List<UUID> heard = new CopyOnWriteArrayList<>();
        a.listen(heard::add);
        UUID player = UUID.randomUUID();
        await(a.changed(player));
        assertThat(heard).containsExactly(player);
    }

    @Test
    void everyOtherNodeHearsItWithinASecondInOrder() {
        ProfileChanges a = node(unique("a"));
        ProfileChanges b = node(unique("b"));
        List<UUID> heardByB = new CopyOnWriteArrayList<>();
        b.listen(heardByB::add);
        List<UUID> sent = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long t0 = System.nanoTime();
        sent.forEach(p -> await(a.changed(p)));
        Eventually.until(() -> List.copyOf(heardByB), h -> h.containsAll(sent), Duration.ofSeconds(1),
                "all three changes on node b");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        // other test classes' nodes may share the channel: only ours count
        assertThat(heardByB.stream().filter(sent::contains).toList()).containsExactlyElementsOf(sent);
    }

    @Test
    void aStoppedListenerHearsNothingMore() {
        ProfileChanges a = node(unique("a"));
        List<UUID> stopped = new CopyOnWriteArrayList<>();
        List<UUID> kept = new CopyOnWriteArrayList<>();
        a.listen(stopped::add).stop();
        a.listen(kept::add);
        UUID player = UUID.randomUUID();
        await(a.changed(player));
        assertThat(kept).containsExactly(player);
        assertThat(stopped).isEmpty();
    }
}
