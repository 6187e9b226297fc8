package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The commands on this node's games ({@link HostedMatches}), with every check and refusal the HTTP API, the
 * sockets of this node and those of other nodes share (written once, here). A single node uses it as its
 * {@link MatchCommands}; on a cluster it is the owner's side of every routed command.
 */
public final class LocalMatchCommands implements MatchCommands {
    /** How long a finish waits for its result to be stored before it answers {@code unavailable}. */
    static final java.time.Duration STORE_WAIT = java.time.Duration.ofSeconds(10);

    private final HostedMatches matches;
    private final StoredResults results;
    private final io.vertx.core.Vertx vertx;

    public LocalMatchCommands(HostedMatches matches) {
        this(matches, StoredResults.NONE, null);
    }

    /** @param vertx for the time-out of a finish that waits for its result's storage (null: no time-out) */
    public LocalMatchCommands(HostedMatches matches, StoredResults results, io.vertx.core.Vertx vertx) {
        this.matches = matches;
        this.results = results;
        this.vertx = vertx;
    }

    public HostedMatches matches() {
        return matches;
    }

    /** This node's id. */
    public String node() {
        return matches.node();
    }

    @Override
    public Future<String> owner(MatchId id) {
        return matches.known(id) ? Future.succeededFuture(matches.node())
                : Future.failedFuture(new ArenaException.NotFound("no game " + id));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> state(MatchId id, PlayerId viewer, boolean staff) {
        return attempt(() -> Future.succeededFuture(Answer.here(matches.state(id, viewer, staff))));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> join(MatchId id, PlayerId player, String joinCode) {
        return attempt(() -> matches.join(id, player, joinCode).map(Answer::here));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> joinByCode(PlayerId player, String joinCode) {
        return attempt(() -> {
            String code = joinCode.toUpperCase(Locale.ROOT);
            MatchId id = matches.byCode(code).orElseThrow(LocalMatchCommands::noCode);
            return matches.join(id, player, code).map(Answer::here);
        });
    }

    /** The refusal of a join code no live game holds. */
    public static ArenaException noCode() {
        return new ArenaException.NotFound("no game has that join code");
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> leave(MatchId id, PlayerId player) {
        return attempt(() -> matches.leave(id, player).map(Answer::here));
    }

    @Override
    public Future<Answer<MatchResult>> finish(MatchId id, PlayerId player, Map<String, Object> result) {
        return attempt(() -> {
            List<PlayerId> seated = matches.require(id).view().players().stream()
                    .map(MatchView.PlayerView::player).toList();
            MatchResult parsed = ReportedResult.parse(new JsonObject(result), seated);
            // acknowledged means stored: a node killed right after the 202 must not lose the result
            return matches.report(id, player, parsed).compose(r -> durable(id).map(v -> Answer.here(r)));
        });
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> ready(MatchId id, PlayerId player, boolean ready) {
        return attempt(() -> running(id).ready(player, ready).map(v -> Answer.here(matches.require(id))));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> start(MatchId id, PlayerId by, boolean force) {
        return attempt(() -> running(id).startByHost(by, force).map(v -> Answer.here(matches.require(id))));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> kick(MatchId id, PlayerId by, PlayerId target) {
        return attempt(() -> running(id).kick(by, target).map(v -> Answer.here(matches.require(id))));
    }

    @Override
    public Future<List<Answer<HostedMatches.HostedMatch>>> list(String mode, MatchStatus status, boolean watchable) {
        return Future.succeededFuture(matches.list(mode, status, watchable).stream()
                .<Answer<HostedMatches.HostedMatch>>map(Answer::here).toList());
    }

    @Override
    public Future<List<MatchOverview>> overview(String mode) {
        return Future.succeededFuture(matches.overview(mode));
    }

    @Override
    public Future<Answer<MatchView>> inspect(MatchId id, PlayerId staff) {
        return attempt(() -> Future.succeededFuture(Answer.here(matches.live(id)
                .orElseThrow(() -> new ArenaException.NotFound("no live match " + id)).view())));
    }

    @Override
    public Future<MatchOverview> stop(MatchId id, String reason) {
        return attempt(() -> {
            MatchLoop<?, ?, ?> loop = running(id);
            MatchOverview was = MatchOverview.of(loop.view(), matches.node());
            loop.stop(reason);
            return Future.succeededFuture(was);
        });
    }

    // ---- what sockets do on a running match (this node's sockets, or another node's through the relay) ------

    /** The running match: {@code NotFound} when unknown, {@code ended} once finished. */
    public MatchLoop<?, ?, ?> running(MatchId id) {
        var loop = matches.live(id);
        if (loop.isPresent() && loop.get().status() != MatchStatus.FINISHED) {
            return loop.get();
        }
        matches.require(id); // 404 when unknown
        throw new ArenaException.Rejected(MatchCodes.ENDED, "game " + id + " has finished");
    }

    /**
     * The running match a socket may attach to: as a player only when seated over HTTP (a first join or a
     * reconnect), else as a spectator when the game is visible to them ({@code staff}: their role
     * {@code mayWatchPrivateGames}).
     */
    public MatchLoop<?, ?, ?> attachable(MatchId id, PlayerId player, boolean staff, boolean asPlayer) {
        MatchLoop<?, ?, ?> loop = running(id);
        if (asPlayer && !HostedMatches.seated(loop, player)) {
            throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT,
                    "join the game over HTTP first (POST /games/" + id + "/join)");
        }
        if (!asPlayer) {
            // exactly what GET /games/{id}/state allows, on this node or relayed from another (issue 14)
            matches.requireVisible(id, player, staff);
        }
        return loop;
    }

    /** Joins (seated) or spectates the attached match; completes with the snapshot. */
    public static Future<MatchView> enter(MatchLoop<?, ?, ?> loop, PlayerId player, boolean asPlayer) {
        return asPlayer ? loop.join(player) : loop.spectate(player);
    }

    /**
     * A socket's input, numbered {@code seq} by the client ({@link InputAck#NONE}: not numbered): only from a socket
     * attached to the match, refused as the loop refuses it.
     */
    public void input(MatchId id, PlayerId player, boolean attached, Map<String, Object> input, long seq) {
        MatchLoop<?, ?, ?> loop = running(id);
        if (!attached) {
            throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "send match.join first");
        }
        if (loop.offerInput(player, input, seq) instanceof Offer.Refused r) {
            throw new ArenaException.Rejected(r.code(), r.message());
        }
    }

    /** {@code match.leave}: for good when seated (a forfeit once running), else stops spectating. */
    public Future<Void> leaveBySocket(MatchId id, PlayerId player, boolean attached) {
        return attempt(() -> {
            MatchLoop<?, ?, ?> loop = running(id);
            if (HostedMatches.seated(loop, player)) {
                return loop.leave(player).mapEmpty();
            }
            if (!attached) {
                throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "not in game " + id);
            }
            loop.unspectate(player);
            return Future.succeededFuture();
        });
    }

    /**
     * The player watches the match from no socket any more: disconnected when seated (the match's reconnect grace
     * starts), else no longer a spectator.
     */
    public void letGo(MatchId id, PlayerId player) {
        matches.live(id).ifPresent(loop -> {
            if (HostedMatches.seated(loop, player)) {
                loop.disconnected(player);
            } else {
                loop.unspectate(player);
            }
        });
    }

    /** Domain refusals as failed futures, so the socket's and the HTTP edge's one mapping answers them. */
    private Future<Void> durable(MatchId id) {
        Future<Void> stored = results.stored(id).recover(e -> Future.failedFuture(notStored(id)));
        if (vertx == null || stored.isComplete()) {
            return stored;
        }
        io.vertx.core.Promise<Void> answer = io.vertx.core.Promise.promise();
        long timer = vertx.setTimer(STORE_WAIT.toMillis(), t -> answer.tryFail(notStored(id)));
        stored.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                answer.tryComplete();
            } else {
                answer.tryFail(ar.cause());
            }
        });
        return answer.future();
    }

    private static ArenaException notStored(MatchId id) {
        return new ArenaException.Unavailable("game " + id + " has ended with the reported result, but the result is "
                + "not stored yet (the database is unreachable); it is retried for about a minute");
    }

    static <T> Future<T> attempt(Supplier<Future<T>> call) {
        try {
            return call.get();
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
    }
}
