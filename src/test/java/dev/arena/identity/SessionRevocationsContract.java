package dev.arena.identity;

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
 * What every {@link SessionRevocations} must do: the revoking node's listeners have run when {@code revoke}
 * completes, every other node hears it within a second, fields arrive intact, and a stopped listener hears nothing.
 */
public abstract class SessionRevocationsContract {

    /** The seam as the node named {@code node} sees it (in-process: every node of the process shares one). */
    protected abstract SessionRevocations node(String node);

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
    void theRevokingNodeHasAppliedItWhenRevokeCompletes() {
        SessionRevocations a = node(unique("a"));
        List<Revocation> heard = new CopyOnWriteArrayList<>();
        a.listen(heard::add);
        Revocation r = Revocation.session(UUID.randomUUID(), UUID.randomUUID());
        await(a.revoke(r));
        assertThat(heard).containsExactly(r);
    }

    @Test
    void everyOtherNodeHearsItWithinASecondWithItsFieldsIntact() {
        SessionRevocations a = node(unique("a"));
        SessionRevocations b = node(unique("b"));
        List<Revocation> heardByB = new CopyOnWriteArrayList<>();
        b.listen(heardByB::add);
        List<Revocation> sent = List.of(Revocation.session(UUID.randomUUID(), UUID.randomUUID()),
                Revocation.player(UUID.randomUUID()), Revocation.refresh(UUID.randomUUID()));
        long t0 = System.nanoTime();
        sent.forEach(r -> await(a.revoke(r)));
        Eventually.until(() -> List.copyOf(heardByB), h -> h.containsAll(sent), Duration.ofSeconds(1),
                "all three revocations on node b");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        // in send order (other test classes' nodes may share the channel: only ours count)
        assertThat(heardByB.stream().filter(sent::contains).toList()).containsExactlyElementsOf(sent);
    }

    @Test
    void aStoppedListenerHearsNothingMore() {
        SessionRevocations a = node(unique("a"));
        List<Revocation> stopped = new CopyOnWriteArrayList<>();
        List<Revocation> kept = new CopyOnWriteArrayList<>();
        a.listen(stopped::add).stop();
        a.listen(kept::add);
        Revocation r = Revocation.player(UUID.randomUUID());
        await(a.revoke(r));
        assertThat(kept).containsExactly(r);
        assertThat(stopped).isEmpty();
    }
}
