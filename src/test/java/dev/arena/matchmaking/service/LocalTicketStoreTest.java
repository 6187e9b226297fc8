package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ticket store contract in-process, plus its retention driven by the clock. */
class LocalTicketStoreTest extends TicketStoreContract {
    private static final Duration RETENTION = Duration.ofMinutes(10);

    @Override
    protected TicketStore create() {
        return new LocalTicketStore(clock, RETENTION);
    }

    @Test
    void forgetsFinishedTicketsAfterTheRetention() {
        TicketRecord done = solo(UUID.randomUUID());
        TicketRecord waiting = solo(UUID.randomUUID());
        await(store.add(done));
        await(store.add(waiting));
        await(store.cancel(done.ticket().id(), "player"));

        clock.advance(RETENTION.minusSeconds(1));
        await(store.add(solo(UUID.randomUUID())));
        assertThat(await(store.find(done.ticket().id()))).isPresent();
        clock.advance(Duration.ofSeconds(2));
        await(store.add(solo(UUID.randomUUID())));
        assertThat(await(store.find(done.ticket().id()))).isEmpty();
        assertThat(await(store.find(waiting.ticket().id()))).as("waiting tickets never expire").isPresent();
    }
}
