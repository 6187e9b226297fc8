package dev.arena.matchmaking.service;

import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchRegistry;
import dev.arena.match.PlayerId;
import dev.arena.matchmaking.MatchProposal;
import dev.arena.matchmaking.TicketId;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a claimed proposal into a game on this node: a private game with the seats reserved for its players
 * ({@link MatchDirectory#createFor}), the game recorded on the tickets, every player seated, then {@code mm.matched}
 * pushed to each of them, and their tickets in other modes cancelled (a player plays one match at a time).
 */
public final class MatchLauncher {
    private static final Logger log = LoggerFactory.getLogger(MatchLauncher.class);
    static final String MATCHED_ELSEWHERE = "matched_elsewhere";

    private final TicketStore store;
    private final MatchDirectory games;
    private final PlayerPush push;
    private final String node;

    public MatchLauncher(TicketStore store, MatchDirectory games, PlayerPush push, String node) {
        this.store = store;
        this.games = games;
        this.push = push;
        this.node = node;
    }

    Future<Void> launch(MatchProposal p, List<TicketRecord> tickets) {
        List<List<UUID>> teams = p.teams().stream().map(MatchProposal.Team::playerIds).toList();
        List<UUID> players = teams.stream().flatMap(List::stream).toList();
        List<PlayerId> seats = players.stream().map(PlayerId::new).toList();
        MatchDirectory.Game game = games.createFor(new MatchRegistry.Create(p.mode(), players.size(), Map.of()), seats);
        UUID gameId = game.id().value();
        List<TicketId> ids = tickets.stream().map(t -> t.ticket().id()).toList();
        return store.assign(ids, gameId, node)
                .compose(v -> Future.join(seats.stream().map(s -> games.join(game.id(), s, null)).toList()))
                .compose(v -> {
                    List<Future<Void>> sent = new ArrayList<>();
                    for (TicketRecord t : tickets) {
                        for (UUID player : t.players()) {
                            sent.add(push.push(player, Frames.matched(gameId, p.mode(), node,
                                    t.ticket().id().value(), players, teams, p.ratingSpread())));
                            sent.add(withdrawElsewhere(player));
                        }
                    }
                    log.debug("match {} in {} for {}", gameId, p.mode(), players);
                    return Future.join(sent).mapEmpty();
                });
    }

    /** Cancels the player's tickets in the other modes and tells every player on them. */
    private Future<Void> withdrawElsewhere(UUID player) {
        return store.waitingOf(player).compose(waiting -> Future.join(waiting.stream()
                .map(t -> store.cancel(t.ticket().id(), MATCHED_ELSEWHERE).compose(r -> r.isEmpty()
                        ? Future.succeededFuture() : Future.join(r.get().players().stream()
                        .map(p -> push.push(p, Frames.ticket(r.get()))).toList()).mapEmpty()))
                .toList())).mapEmpty();
    }
}
