package dev.arena.matchmaking.service;

import dev.arena.matchmaking.TicketId;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared record of matchmaking tickets: what the edges write and the one matcher of each mode reads. In-process
 * on a single node ({@code LocalTicketStore}), in Redis on a cluster ({@code RedisTicketStore}); both pass
 * {@code TicketStoreContract}. Every state change is atomic, so a cancel and a claim of the same ticket are ordered:
 * exactly one wins.
 *
 * <p>Finished tickets (matched or cancelled) are remembered for a retention period, so a late {@code GET} or
 * {@code DELETE} gets a true answer; then they are forgotten.
 */
public interface TicketStore {

    /**
     * Stores a waiting ticket. Fails with {@link dev.arena.common.ArenaException.Conflict} when one of its players
     * already holds a waiting ticket in the mode (the message names that ticket).
     */
    Future<Void> add(TicketRecord waiting);

    Future<Optional<TicketRecord>> find(TicketId id);

    /**
     * Cancels a waiting ticket; otherwise changes nothing. Completes with the record as it now is (cancelled, or
     * already cancelled, or matched), or empty when the ticket is unknown (never existed, or forgotten).
     */
    Future<Optional<TicketRecord>> cancel(TicketId id, String reason);

    /** The waiting tickets of a mode (any order). */
    Future<List<TicketRecord>> waiting(String mode);

    /**
     * All or nothing: when every ticket is still waiting, marks them matched (game not yet known) and completes
     * with true; when any was cancelled meanwhile, changes nothing and completes with false.
     */
    Future<Boolean> claim(Collection<TicketId> ids);

    /** Records the game a claimed match was given. */
    Future<Void> assign(Collection<TicketId> ids, UUID gameId, String node);

    /** The player's waiting tickets in every mode. */
    Future<List<TicketRecord>> waitingOf(UUID player);

    /** Publishes a mode's statistics (JSON), written by the mode's matcher for every node to read. */
    Future<Void> putStats(String mode, String json);

    /** The last published statistics of a mode, if any. */
    Future<Optional<String>> stats(String mode);
}
