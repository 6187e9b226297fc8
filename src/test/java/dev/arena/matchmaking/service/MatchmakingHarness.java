package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;

import dev.arena.match.GameCatalog;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchConfig;
import dev.arena.match.MatchListener;
import dev.arena.match.MatchRegistry;
import dev.arena.match.VertxTickScheduler;
import dev.arena.matchmaking.QueueConfig;
import dev.arena.rating.Rating;
import dev.arena.rating.RatingSource;
import dev.arena.storage.local.LocalPartyStore;
import dev.arena.storage.local.LocalPlayerSessions;
import dev.arena.storage.local.LocalTicketStore;
import dev.arena.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The matchmaking service on a real Vert.x with real matches (ticked by Vert.x; joins complete at the match's next
 * tick), the in-process stores, a {@link MutableClock}, ratings set by the test and pushes recorded per player.
 * Nothing steps on its own: tests call {@link #step()}.
 */
final class MatchmakingHarness implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(30);

    final Vertx vertx = Vertx.vertx();
    final MutableClock clock = new MutableClock();
    final Context context = vertx.getOrCreateContext();
    final TicketStore store;
    final PlayerSessions sessions;
    final String node;
    final HostedMatches matches;
    final Map<UUID, Double> ratings = new ConcurrentHashMap<>();
    final Map<UUID, List<JsonObject>> pushed = new ConcurrentHashMap<>();
    final Matcher matcher;
    final Matchmaking mm;

    MatchmakingHarness(List<QueueConfig> queues) {
        this(queues, null, new LocalPlayerSessions(), "test-node");
    }

    /**
     * One node of a cluster when {@code store} and {@code sessions} are shared (Redis), named {@code node}; the
     * in-process ticket store when {@code store} is null.
     */
    MatchmakingHarness(List<QueueConfig> queues, TicketStore store, PlayerSessions sessions, String node) {
        this.store = store != null ? store : new LocalTicketStore(clock, Duration.ofMinutes(10));
        this.sessions = sessions;
        this.node = node;
        matches = new HostedMatches(new MatchRegistry(GameCatalog.load(), List.of(new VertxTickScheduler(context)),
                MatchConfig.defaults(), MatchListener.NONE), node);
        PlayerPush push = (player, frame) -> {
            pushed.computeIfAbsent(player, p -> new CopyOnWriteArrayList<>()).add(new JsonObject(frame));
            return Future.succeededFuture();
        };
        RatingSource source = (mode, players) -> {
            Map<UUID, Rating> out = new HashMap<>();
            players.forEach(p -> out.put(p, new Rating(ratings.getOrDefault(p, 1500.0), 60, 0.06)));
            return Future.succeededFuture(out);
        };
        matcher = new Matcher(this.store, MatcherLease.SOLE, queues,
                new MatchLauncher(this.store, matches, push, node), node);
        mm = new Matchmaking(this.store, new PartyService(new LocalPartyStore(), this.store, push, clock), source,
                queues, matcher, push, new DisconnectWatch(clock, GRACE, sessions), clock, context);
    }

    UUID player(double rating) {
        UUID p = UUID.randomUUID();
        ratings.put(p, rating);
        return p;
    }

    TicketRecord enqueue(UUID player, String mode, String region) {
        return await(mm.enqueue(player, TicketRequest.parse(mode, null, Map.of("region", region), mm.modes())));
    }

    TicketRecord enqueueParty(UUID leader, Party party, String mode, String region) {
        return await(mm.enqueue(leader, TicketRequest.parse(mode, party.id().toString(), Map.of("region", region),
                mm.modes())));
    }

    /** A party led by the first player, everyone else invited and accepted. */
    Party party(UUID... players) {
        PartyService parties = mm.parties();
        Party p = await(parties.create(players[0]));
        for (int i = 1; i < players.length; i++) {
            await(parties.invite(players[0], p.id(), players[i]));
            p = await(parties.accept(players[i], p.id()));
        }
        return p;
    }

    void step() {
        await(mm.step());
    }

    TicketRecord ticket(TicketRecord r) {
        return await(store.find(r.ticket().id())).orElseThrow();
    }

    List<JsonObject> frames(UUID player, String type) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject f : pushed.getOrDefault(player, List.of())) {
            if (type.equals(f.getString("type"))) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
