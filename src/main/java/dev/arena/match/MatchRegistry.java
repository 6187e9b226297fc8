package dev.arena.match;

import dev.arena.common.PlayerId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * This node's running matches. Each is owned by one of a fixed set of shard schedulers (one per event loop,
 * chosen by the match id's hash), created from the {@link GameCatalog} and removed when it finishes. The HTTP
 * and gateway code reach a match through here; the match's output goes to the one {@link MatchListener}.
 */
public final class MatchRegistry {

    /**
     * A request to create a match: {@code POST /games/create {mode, max_players, settings}}.
     *
     * @param maxPlayers null for the game's maximum
     * @param settings   the game's raw settings, null or empty for defaults
     */
    public record Create(String mode, Integer maxPlayers, Map<String, Object> settings) {}

    private final GameCatalog games;
    private final List<TickScheduler> shards;
    private final MatchConfig defaults;
    private final MatchListener listener;
    private final RandomGenerator seeds;
    private final Map<MatchId, MatchLoop<?, ?, ?>> matches = new ConcurrentHashMap<>();

    /**
     * @param shards   the owners matches are spread over ({@link VertxTickScheduler} per event-loop context)
     * @param defaults the loop settings of every match ({@code maxPlayers} is taken from each request)
     * @param seeds    where match seeds come from (a {@link SecureRandom} in production; the seed is logged)
     */
    public MatchRegistry(GameCatalog games, List<? extends TickScheduler> shards, MatchConfig defaults,
                         MatchListener listener, RandomGenerator seeds) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("at least one shard is needed");
        }
        this.games = Objects.requireNonNull(games, "games");
        this.shards = List.copyOf(shards);
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    public MatchRegistry(GameCatalog games, List<? extends TickScheduler> shards, MatchConfig defaults,
                         MatchListener listener) {
        this(games, shards, defaults, listener, new SecureRandom());
    }

    public GameCatalog games() {
        return games;
    }

    /**
     * Validates the request, creates the match and starts its ticks.
     *
     * @throws dev.arena.common.ArenaException.Invalid naming every invalid field ({@code mode},
     *                                                  {@code max_players}, {@code settings.*})
     */
    public MatchLoop<?, ?, ?> create(Create request) {
        return create(request, null);
    }

    /**
     * As {@link #create(Create)}, for a lobby game when {@code host} is not null: it starts by the ready check or
     * its host, not by itself (see {@link HostControls}).
     */
    public MatchLoop<?, ?, ?> create(Create request, PlayerId host) {
        return create(request, host, MatchId.random());
    }

    /** As {@link #create(Create, PlayerId)} under an id drawn by the caller (who claimed a join code for it). */
    public MatchLoop<?, ?, ?> create(Create request, PlayerId host, MatchId id) {
        return create(request, host, id, false);
    }

    /** As {@link #create(Create, PlayerId, MatchId)}; {@code friendsOnly}: see {@link MatchSpec#friendsOnly}. */
    public MatchLoop<?, ?, ?> create(Create request, PlayerId host, MatchId id, boolean friendsOnly) {
        GameFactory<?, ?, ?> game = games.require(request.mode());
        if (request.maxPlayers() != null && (request.maxPlayers() < 1 || request.maxPlayers() > PlayerLimits.CEILING)) {
            // MatchConfig would refuse it with an IllegalArgumentException: a 500 for what is bad input
            throw new dev.arena.common.ArenaException.Invalid("max_players", "must be 1-" + PlayerLimits.CEILING);
        }
        MatchConfig config = defaults.withMaxPlayers(request.maxPlayers() == null ? 0 : request.maxPlayers());
        MatchLoop<?, ?, ?> loop = build(game, new MatchSpec(id, seeds.nextLong(), request.settings(), config, host,
                friendsOnly));
        matches.put(id, loop);
        loop.start();
        return loop;
    }

    private <C, S, I> MatchLoop<C, S, I> build(GameFactory<C, S, I> game, MatchSpec spec) {
        TickScheduler shard = shards.get(Math.floorMod(spec.id().hashCode(), shards.size()));
        MatchListener forget = new MatchListener() {
            public void frame(TickFrame frame) {
                listener.frame(frame);
            }

            public void ended(MatchEnd end) {
                matches.remove(end.match());
                listener.ended(end);
            }

            public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
                listener.inputRejected(match, player, tick, code, message);
            }

            public void inputDropped(MatchId match, PlayerId player, long tick) {
                listener.inputDropped(match, player, tick);
            }

            public void ticksSkipped(MatchId match, long count) {
                listener.ticksSkipped(match, count);
            }

            public void ticked(MatchId match, long tick, long nanos, int accepted) {
                listener.ticked(match, tick, nanos, accepted);
            }

            public void inputsApplied(MatchId match, long[] waitedNanos, int count) {
                listener.inputsApplied(match, waitedNanos, count);
            }

            public void spectatorsChanged(MatchId match, int spectators) {
                listener.spectatorsChanged(match, spectators);
            }
        };
        return MatchLoop.create(game, spec, shard, forget);
    }

    public Optional<MatchLoop<?, ?, ?>> find(MatchId id) {
        return Optional.ofNullable(matches.get(id));
    }

    /** Snapshots of the running matches, filtered by mode and status when not null. */
    public List<MatchView> list(String mode, MatchStatus status) {
        List<MatchView> out = new ArrayList<>();
        for (MatchLoop<?, ?, ?> m : matches.values()) {
            MatchView v = m.view();
            if ((mode == null || mode.equals(v.mode())) && (status == null || status == v.status())) {
                out.add(v);
            }
        }
        return out;
    }

    public Collection<MatchLoop<?, ?, ?>> all() {
        return List.copyOf(matches.values());
    }

    public int size() {
        return matches.size();
    }

    /** Asks every match to end at its next tick (node shutdown); each reports its end to the listener. */
    public void stopAll(String reason) {
        for (MatchLoop<?, ?, ?> m : matches.values()) {
            m.stop(reason);
        }
    }
}
