package dev.arena.matchmaking.service;

import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchRegistry;
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
 * ({@link HostedMatches#createFor}), the game recorded on the tickets, every player seated, then {@code mm.matched}
 * pushed to each of them, and {@code mm.ticket} to the players of the tickets in other modes the claim withdrew (a
 * player plays one match at a time; see {@link TicketStore#claim}).
 *
 * <p>When the game cannot be created (the registry refuses it, or throws while the node shuts down), nobody was
 * seated anywhere, so the claim is undone ({@link TicketStore#requeue}): the tickets wait again with their original
 * {@code createdAt} and the withdrawn ones come back, and every player on them is told with {@code mm.ticket}. A
 * ticket that cannot go back (a player queued again in its mode meanwhile) is cancelled {@value #LAUNCH_FAILED}.
 */
public final class MatchLauncher {
    private static final Logger log = LoggerFactory.getLogger(MatchLauncher.class);
    static final String LAUNCH_FAILED = "launch_failed";

    private final TicketStore store;
    private final HostedMatches matches;
    private final PlayerPush push;
    private final String node;

    public MatchLauncher(TicketStore store, HostedMatches matches, PlayerPush push, String node) {
        this.store = store;
        this.matches = matches;
        this.push = push;
        this.node = node;
    }

    /** Completes with true when the game was created, false when the claim was undone instead. */
    Future<Boolean> launch(MatchProposal p, List<TicketRecord> tickets, List<TicketRecord> withdrawn) {
        List<List<UUID>> teams = p.teams().stream().map(MatchProposal.Team::playerIds).toList();
        List<UUID> players = teams.stream().flatMap(List::stream).toList();
        List<PlayerId> seats = players.stream().map(PlayerId::new).toList();
        HostedMatches.HostedMatch game;
        try {
            game = matches.createFor(new MatchRegistry.Create(p.mode(), players.size(), Map.of()), seats);
        } catch (RuntimeException e) {
            log.warn("game of a match in {} for {} could not be created; its tickets go back: {}", p.mode(),
                    players, e.toString());
            List<TicketRecord> back = new ArrayList<>(tickets);
            back.addAll(withdrawn);
            return store.requeue(back, LAUNCH_FAILED).compose(this::tell).map(false);
        }
        UUID gameId = game.id().value();
        List<TicketId> ids = tickets.stream().map(t -> t.ticket().id()).toList();
        return store.assign(ids, gameId, node)
                .compose(v -> Future.join(seats.stream().map(s -> matches.join(game.id(), s, null)).toList()))
                .compose(v -> {
                    List<Future<Void>> sent = new ArrayList<>();
                    for (TicketRecord t : tickets) {
                        for (UUID player : t.players()) {
                            sent.add(push.push(player, Frames.matched(gameId, p.mode(), node,
                                    t.ticket().id().value(), players, teams, p.ratingSpread())));
                        }
                    }
                    sent.add(tell(withdrawn));
                    log.debug("match {} in {} for {}", gameId, p.mode(), players);
                    return Future.join(sent).map(true);
                });
    }

    /** Pushes {@code mm.ticket} with each ticket as it now is to every player on it. */
    private Future<Void> tell(List<TicketRecord> changed) {
        List<Future<Void>> sent = new ArrayList<>();
        for (TicketRecord r : changed) {
            String frame = Frames.ticket(r);
            r.players().forEach(player -> sent.add(push.push(player, frame)));
        }
        return Future.join(sent).mapEmpty();
    }
}
