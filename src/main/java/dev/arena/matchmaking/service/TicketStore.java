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
    /** Why a ticket was withdrawn by a claim of the same player in another mode. */
    String MATCHED_ELSEWHERE = "matched_elsewhere";

    /** The outcome of {@link #claim}: won or lost, and the other modes' tickets a won claim withdrew. */
    record Claim(boolean won, List<TicketRecord> withdrawn) {
        public static final Claim LOST = new Claim(false, List.of());

        public Claim {
            withdrawn = List.copyOf(withdrawn);
        }
    }

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
     * All or nothing: when every ticket is still waiting, marks them matched (game not yet known), cancels their
     * players' waiting tickets in every other mode ({@value #MATCHED_ELSEWHERE}) in the same atomic change, and
     * completes with the claim won and those withdrawn tickets; when any was not waiting (cancelled, or withdrawn by
     * a claim in another mode), changes nothing and completes with the claim lost.
     *
     * <p>Taking the other modes' tickets inside the claim is what makes a player matched at most once across modes
     * whose matchers run on different nodes: of two claims that share a player, the second finds that player's
     * ticket no longer waiting.
     */
    Future<Claim> claim(Collection<TicketId> ids);

    /**
     * Undoes a claim whose game could not be created: each ticket of {@code records} (as they were when waiting) that
     * is still matched without a game, or was withdrawn ({@value #MATCHED_ELSEWHERE}) by that claim, waits again
     * under its id and original {@code createdAt} (its earned window); unless one of its players has queued again in
     * its mode since, in which case a matched one is cancelled with {@code reason} instead (a withdrawn one stays
     * cancelled). Tickets in any other state are left alone. Completes with the tickets that changed, as they now
     * are.
     */
    Future<List<TicketRecord>> requeue(Collection<TicketRecord> records, String reason);

    /** Records the game a claimed match was given. */
    Future<Void> assign(Collection<TicketId> ids, UUID gameId, String node);

    /** The player's waiting tickets in every mode. */
    Future<List<TicketRecord>> waitingOf(UUID player);

    /** Publishes a mode's statistics (JSON), written by the mode's matcher for every node to read. */
    Future<Void> putStats(String mode, String json);

    /** The last published statistics of a mode, if any. */
    Future<Optional<String>> stats(String mode);
}
