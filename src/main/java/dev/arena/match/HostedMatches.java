package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * The games of this node as the lobby sees them: which are private (and their join codes), who created them,
 * and the final snapshot of recently finished ones. In memory only: a restart forgets every game.
 * Domain failures are {@link ArenaException}s; the HTTP and gateway edges map them.
 */
public final class HostedMatches {
    /** Finished games whose last snapshot is kept for {@code GET /games/{id}/state}; the oldest is dropped. */
    static final int FINISHED_KEPT = 1024;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 6;
    /** Draws before giving up on a clash-free code (a clash is about one in 10^9 per live game). */
    private static final int CODE_ATTEMPTS = 8;

    /**
     * One game: the listing facts that are not the loop's. {@code joinCode} is null for public games;
     * {@code region} is null when the creator gave none.
     */
    public record HostedMatch(MatchId id, String mode, int maxPlayers, boolean privateGame, String joinCode, String ownerNode,
                       PlayerId creator, MatchView view, Set<PlayerId> reserved, String region) {}

    /** {@code reserved}: the only players who may take a seat (matchmaking, tournaments); empty for open games. */
    private record Entry(MatchLoop<?, ?, ?> loop, boolean privateGame, String joinCode, PlayerId creator,
                         Set<PlayerId> reserved, String region) {}

    private final MatchRegistry registry;
    private final String node;
    private final RandomGenerator random;
    /** Told of every game this node creates (a cluster records it in its directory); nothing on a single node. */
    private final BiConsumer<HostedMatch, MatchLoop<?, ?, ?>> tracker;
    private final Map<MatchId, Entry> live = new ConcurrentHashMap<>();
    /** Join codes of the live games, so a friend needs only the code; a code is unique while its game runs. */
    private final Map<String, MatchId> codes = new ConcurrentHashMap<>();
    /** Claims codes across the cluster; a single node's are unique through {@link #codes} alone. */
    private final JoinCodes joinCodes;
    private final Map<MatchId, HostedMatch> finished = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MatchId, HostedMatch> eldest) {
            return size() > FINISHED_KEPT;
        }
    };

    /** A node alone: codes unique in memory, games tracked nowhere else. */
    public HostedMatches(MatchRegistry registry, String node) {
        this(registry, node, JoinCodes.LOCAL, (g, loop) -> { });
    }

    /**
     * @param joinCodes where join codes are claimed (Redis on a cluster), before any game is created
     * @param tracker   told of each game this node creates (a cluster records it in its directory)
     */
    public HostedMatches(MatchRegistry registry, String node, JoinCodes joinCodes,
                          BiConsumer<HostedMatch, MatchLoop<?, ?, ?>> tracker) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.node = Objects.requireNonNull(node, "node");
        this.random = new SecureRandom();
        this.joinCodes = Objects.requireNonNull(joinCodes, "joinCodes");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    public MatchRegistry registry() {
        return registry;
    }

    /** This node's id (written on every game as its owner). */
    public String node() {
        return node;
    }

    /**
     * Creates the match and seats its creator; completes with the game after the creator's join tick.
     *
     * @throws ArenaException.Invalid naming every bad field ({@code mode}, {@code max_players}, {@code settings.*})
     */
    public Future<HostedMatch> create(MatchRegistry.Create request, boolean privateGame, PlayerId creator) {
        return create(request, privateGame, null, creator);
    }

    /**
     * Creates a lobby game hosted by its creator (it starts by the ready check or the host, {@link HostControls})
     * and seats the creator; {@code region} (validated by the caller) is a listing property, null for none.
     */
    public Future<HostedMatch> create(MatchRegistry.Create request, boolean privateGame, String region, PlayerId creator) {
        if (!privateGame) {
            return created(registry.create(request, creator), false, null, creator, region);
        }
        // the code is claimed (cluster-wide on a cluster) before the game exists, so no game is left without one
        MatchId id = MatchId.random();
        return code(id, CODE_ATTEMPTS).compose(code -> {
            MatchLoop<?, ?, ?> loop;
            try {
                loop = registry.create(request, creator, id, creator != null);
            } catch (RuntimeException e) {
                codes.remove(code, id);
                joinCodes.release(code, id);
                return Future.failedFuture(e);
            }
            return created(loop, true, code, creator, region);
        });
    }

    private Future<HostedMatch> created(MatchLoop<?, ?, ?> loop, boolean privateGame, String code, PlayerId creator,
                                 String region) {
        Entry entry = track(new Entry(loop, privateGame, code, creator, Set.of(), region));
        return loop.join(creator).map(view -> game(loop.id(), entry, view));
    }

    /**
     * Creates a private match whose seats are reserved for {@code players} (matchmaking and tournaments): nobody
     * is seated yet; each of them joins without a code (HTTP, {@code match.join}, or the caller joining them),
     * anyone else is refused with {@code seat_reserved}. The game has no creator.
     */
    public HostedMatch createFor(MatchRegistry.Create request, List<PlayerId> players) {
        if (players.isEmpty()) {
            throw new IllegalArgumentException("a reserved game needs players");
        }
        MatchLoop<?, ?, ?> loop = registry.create(request);
        // no join code: only the reserved players may join, and they need none
        Entry entry = track(new Entry(loop, true, null, null, Set.copyOf(players), null));
        return game(loop.id(), entry, loop.view());
    }

    private Entry track(Entry entry) {
        MatchLoop<?, ?, ?> loop = entry.loop();
        live.put(loop.id(), entry);
        loop.ended().onComplete(ar -> {
            HostedMatch last = game(loop.id(), entry, loop.view());
            synchronized (finished) {
                finished.put(loop.id(), last);
            }
            live.remove(loop.id());
            if (entry.joinCode() != null) {
                codes.remove(entry.joinCode(), loop.id());
                joinCodes.release(entry.joinCode(), loop.id());
            }
        });
        tracker.accept(game(loop.id(), entry, loop.view()), loop);
        return entry;
    }

    public JoinCodes joinCodes() {
        return joinCodes;
    }

    /** Whether this node runs the game or finished it recently (its state is then in memory). */
    public boolean known(MatchId id) {
        if (live.containsKey(id)) {
            return true;
        }
        synchronized (finished) {
            return finished.containsKey(id);
        }
    }

    /** The live game whose join code this is (codes are upper case), if any. */
    public Optional<MatchId> byCode(String joinCode) {
        return Optional.ofNullable(codes.get(joinCode));
    }

    /** This node's matches not yet finished, every one (private too), of {@code mode} when not null. */
    public List<MatchOverview> overview(String mode) {
        List<MatchOverview> out = new ArrayList<>();
        for (MatchLoop<?, ?, ?> m : registry.all()) {
            MatchView v = m.view();
            if (v.status() != MatchStatus.FINISHED && (mode == null || v.mode().equals(mode))) {
                out.add(MatchOverview.of(v, node));
            }
        }
        return out;
    }

    /** The running match, if this node runs it. */
    public Optional<MatchLoop<?, ?, ?>> live(MatchId id) {
        Entry e = live.get(id);
        return e == null ? Optional.empty() : Optional.of(e.loop());
    }

    /** The game, running or recently finished; {@link ArenaException.NotFound} otherwise. */
    public HostedMatch require(MatchId id) {
        Entry e = live.get(id);
        if (e != null) {
            return game(id, e, e.loop().view());
        }
        synchronized (finished) {
            HostedMatch g = finished.get(id);
            if (g != null) {
                return g;
            }
        }
        throw new ArenaException.NotFound("no game " + id);
    }

    /**
     * Seats the player (or reconnects a seated one). A private game needs its join code from anyone not seated
     * yet: {@code join_code_required} or {@code wrong_join_code} otherwise.
     */
    public Future<HostedMatch> join(MatchId id, PlayerId player, String joinCode) {
        Entry e = running(id);
        if (!e.reserved().isEmpty() && !e.reserved().contains(player)) {
            throw new ArenaException.Rejected("seat_reserved", "the seats of game " + id + " are reserved");
        }
        if (e.privateGame() && e.reserved().isEmpty() && !seated(e.loop(), player)) {
            if (joinCode == null) {
                throw new ArenaException.Rejected("join_code_required", "this game is private: send its join_code");
            }
            if (!e.joinCode().equals(joinCode)) {
                throw new ArenaException.Rejected("wrong_join_code", "the join_code does not match");
            }
        }
        return e.loop().join(player).map(view -> game(id, e, view));
    }

    /**
     * A relayed game's player reports the result (see {@link MatchLoop#report}); a game that has already finished
     * is a {@link ArenaException.Conflict}: only the first report counts.
     */
    public Future<MatchResult> report(MatchId id, PlayerId player, MatchResult result) {
        Entry e = live.get(id);
        if (e == null) {
            require(id); // 404 when unknown
            throw new ArenaException.Conflict("game " + id + " has finished: its result was already decided");
        }
        return e.loop().report(player, result);
    }

    /** Leaves for good (a forfeit once running); {@link ArenaException.Forbidden} when not seated. */
    public Future<HostedMatch> leave(MatchId id, PlayerId player) {
        Entry e = running(id);
        if (!seated(e.loop(), player)) {
            throw new ArenaException.Forbidden("not a player of game " + id);
        }
        return e.loop().leave(player).map(was -> game(id, e, e.loop().view()));
    }

    /**
     * What {@code viewer} may see of the game: anything of a public game, a private one only when seated (or
     * once seated, for a finished one) or {@code staff} ({@link #requireVisible(MatchId, PlayerId, boolean)}).
     */
    public HostedMatch state(MatchId id, PlayerId viewer, boolean staff) {
        HostedMatch g = require(id);
        requireVisible(g, viewer, staff);
        return g;
    }

    /**
     * Who may watch a game, the one rule for {@code GET /games/{id}/state} and the socket's {@code match.spectate}:
     * a private game a player made (found by its join code) only to its players. Games that matchmaking and
     * tournaments make have no creator and reserved seats; they are private only to stay out of the lobby list,
     * and anyone may watch them, as anyone may watch a public game: ranked play and brackets are there to be seen.
     * Staff ({@code staff}: a role that {@code Role.mayWatchPrivateGames}: console accounts) may watch every
     * game, as they may read every stored one.
     *
     * @throws ArenaException.Forbidden for anyone else
     */
    public void requireVisible(MatchId id, PlayerId viewer, boolean staff) {
        requireVisible(require(id), viewer, staff);
    }

    /**
     * Whether anyone may watch the game: every game but a private one a player made (matchmaking and tournament
     * games included; {@link #requireVisible(MatchId, PlayerId, boolean)}'s rule).
     */
    public static boolean watchable(HostedMatch g) {
        return !friendsOnly(g);
    }

    private static boolean friendsOnly(HostedMatch g) {
        return g.privateGame() && g.creator() != null;
    }

    private static void requireVisible(HostedMatch g, PlayerId viewer, boolean staff) {
        if (friendsOnly(g) && !staff && g.view().players().stream().noneMatch(p -> p.player().equals(viewer))) {
            throw new ArenaException.Forbidden("game " + g.id() + " is private and you are not one of its players");
        }
    }

    /**
     * Public games, running and recently finished, filtered by mode and status when not null; with
     * {@code watchable} also the games of matchmaking and tournaments, which anyone may watch (every game but the
     * friends-only ones, see {@link #requireVisible(MatchId, PlayerId, boolean)}).
     */
    public List<HostedMatch> list(String mode, MatchStatus status, boolean watchable) {
        List<HostedMatch> out = new ArrayList<>();
        for (Map.Entry<MatchId, Entry> me : live.entrySet()) {
            Entry e = me.getValue();
            if (!e.privateGame() || (watchable && e.creator() == null)) {
                out.add(game(me.getKey(), e, e.loop().view()));
            }
        }
        synchronized (finished) {
            for (HostedMatch g : finished.values()) {
                if ((!g.privateGame() || (watchable && !friendsOnly(g))) && !live.containsKey(g.id())) {
                    out.add(g);
                }
            }
        }
        out.removeIf(g -> (mode != null && !mode.equals(g.mode()))
                || (status != null && status != g.view().status()));
        return out;
    }

    /** Whether the player holds a seat, as of the last published tick. */
    public static boolean seated(MatchLoop<?, ?, ?> loop, PlayerId player) {
        return loop.view().players().stream().anyMatch(p -> p.player().equals(player));
    }

    private Entry running(MatchId id) {
        Entry e = live.get(id);
        if (e != null) {
            return e;
        }
        require(id); // 404 when unknown
        throw new ArenaException.Rejected(MatchCodes.ENDED, "game " + id + " has finished");
    }

    private HostedMatch game(MatchId id, Entry e, MatchView view) {
        return new HostedMatch(id, view.mode(), e.loop().maxPlayers(), e.privateGame(), e.joinCode(), node, e.creator(),
                view, e.reserved(), e.region());
    }

    /**
     * A fresh code, claimed for the game in memory and then through {@link #joinCodes}: drawn again on the rare
     * clash with a live game's code (of any node); fails when the claims fail (Redis down: {@code unavailable}).
     */
    private Future<String> code(MatchId match, int attempts) {
        String code;
        do {
            StringBuilder b = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            code = b.toString();
        } while (codes.putIfAbsent(code, match) != null);
        String drawn = code;
        return joinCodes.claim(drawn, match).recover(e -> {
            codes.remove(drawn, match);
            return Future.failedFuture(e);
        }).compose(claimed -> {
            if (claimed) {
                return Future.succeededFuture(drawn);
            }
            codes.remove(drawn, match);
            return attempts > 1 ? code(match, attempts - 1)
                    : Future.failedFuture(new ArenaException.Unavailable("no free join code was found; try again"));
        });
    }
}
