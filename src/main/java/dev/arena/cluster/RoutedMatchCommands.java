package dev.arena.cluster;

import dev.arena.common.ArenaException;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.Answer;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchCommands;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchOverview;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MatchCommands} on a cluster (docs/CLUSTERING.md, "Match routing"): a game this node knows is commanded
 * here; any other goes to its owner as a {@link NodeMessage}, whose answer (the game's JSON, or the owner's error)
 * is passed on as it is, so every node answers alike. Listings ask every live node.
 */
public final class RoutedMatchCommands implements MatchCommands {
    private static final Logger log = LoggerFactory.getLogger(RoutedMatchCommands.class);

    private final LocalMatchCommands here;
    private final NodeBus bus;

    public RoutedMatchCommands(LocalMatchCommands here, NodeBus bus) {
        this.here = here;
        this.bus = bus;
    }

    @Override
    public Future<String> owner(MatchId id) {
        return local(id) ? here.owner(id) : bus.owner(id);
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> state(MatchId id, PlayerId viewer, boolean staff) {
        return route(id, () -> here.state(id, viewer, staff), new NodeMessage.MatchState(id, viewer, staff));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> join(MatchId id, PlayerId player, String joinCode) {
        return route(id, () -> here.join(id, player, joinCode), new NodeMessage.MatchJoin(id, player, joinCode));
    }

    /** A code of another node's game: found in the cluster's codes, then joined through its owner with the code. */
    @Override
    public Future<Answer<HostedMatches.HostedMatch>> joinByCode(PlayerId player, String joinCode) {
        String code = joinCode.toUpperCase(Locale.ROOT);
        if (here.matches().byCode(code).isPresent()) {
            return here.joinByCode(player, code);
        }
        return here.matches().joinCodes().find(code).compose(id -> id.isEmpty()
                ? Future.failedFuture(LocalMatchCommands.noCode())
                : join(id.get(), player, code).recover(e -> Future.failedFuture(
                        e instanceof ArenaException.NotFound ? LocalMatchCommands.noCode() : e)));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> leave(MatchId id, PlayerId player) {
        return route(id, () -> here.leave(id, player), new NodeMessage.MatchLeave(id, player));
    }

    @Override
    public Future<Answer<MatchResult>> finish(MatchId id, PlayerId player, Map<String, Object> result) {
        return route(id, () -> here.finish(id, player, result), new NodeMessage.MatchFinish(id, player, result));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> ready(MatchId id, PlayerId player, boolean ready) {
        return route(id, () -> here.ready(id, player, ready), new NodeMessage.MatchReady(id, player, ready));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> start(MatchId id, PlayerId by, boolean force) {
        return route(id, () -> here.start(id, by, force), new NodeMessage.MatchStart(id, by, force));
    }

    @Override
    public Future<Answer<HostedMatches.HostedMatch>> kick(MatchId id, PlayerId by, PlayerId target) {
        return route(id, () -> here.kick(id, by, target), new NodeMessage.MatchKick(id, by, target));
    }

    /** This node's games, then every other live node's; a node that does not answer is left out (and logged). */
    @Override
    public Future<List<Answer<HostedMatches.HostedMatch>>> list(String mode, MatchStatus status, boolean watchable) {
        return here.list(mode, status, watchable).compose(mine -> everyNode(mine,
                new NodeMessage.MatchList(mode, status, watchable),
                RoutedMatchCommands::elements, "game listing"));
    }

    /** This node's matches, then every other live node's (the same rule for a node that does not answer). */
    @Override
    public Future<List<MatchOverview>> overview(String mode) {
        return here.overview(mode).compose(mine -> everyNode(mine, new NodeMessage.Overview(mode),
                array -> List.of(Json.decode(array, MatchOverview[].class)), "match overview"));
    }

    @Override
    public Future<Answer<MatchView>> inspect(MatchId id, PlayerId staff) {
        return route(id, () -> here.inspect(id, staff), new NodeMessage.MatchInspect(id, staff));
    }

    /** Stopped here, or by its owner (asked once); the owner's answer is decoded for the caller's audit entry. */
    @Override
    public Future<MatchOverview> stop(MatchId id, String reason) {
        return local(id) ? here.stop(id, reason) : bus.owner(id)
                .compose(owner -> bus.ask(owner, new NodeMessage.MatchStop(id, reason)))
                .map(json -> Json.decode(json, MatchOverview.class));
    }

    /** {@code mine} and the answers of every other live node to {@code ask}, each decoded into a list. */
    private <T> Future<List<T>> everyNode(List<T> mine, NodeMessage.Request ask, Function<String, List<T>> decode,
                                          String what) {
        return bus.peers().compose(peers -> {
            List<Future<List<T>>> answers = new ArrayList<>();
            for (String peer : peers) {
                answers.add(bus.ask(peer, ask).map(decode).otherwise(e -> {
                    log.warn("{}: node {} did not answer ({}); its games are left out", what, peer, e.toString());
                    return List.of();
                }));
            }
            return Future.all(answers).map(all -> {
                List<T> out = new ArrayList<>(mine);
                answers.forEach(f -> out.addAll(f.result()));
                return out;
            });
        });
    }

    private static List<Answer<HostedMatches.HostedMatch>> elements(String array) {
        List<Answer<HostedMatches.HostedMatch>> out = new ArrayList<>();
        for (Object o : new JsonArray(array)) {
            out.add(Answer.there(((io.vertx.core.json.JsonObject) o).encode()));
        }
        return out;
    }

    /** Whether this node runs the game or finished it recently (then it answers itself). */
    private boolean local(MatchId id) {
        return here.matches().known(id);
    }

    private <T> Future<Answer<T>> route(MatchId id, Supplier<Future<Answer<T>>> mine,
                                        NodeMessage.MatchCommand command) {
        return local(id) ? mine.get() : bus.askOwner(command).map(Answer::there);
    }
}
