package dev.arena.storage.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node writes back into Redis when Redis lost its data ({@link RedisEpoch#onLost}): its registration and
 * heartbeat at once, then the shared state it owns: its running games' directory entries and join codes, its count
 * of sockets per player, the parties it wrote last and the waiting tickets it wrote (room presence is written back
 * by the rooms themselves). Between losses it prunes, every {@code interval}, what another node has since changed,
 * so it never writes back a ticket or party version someone else finished or replaced earlier than that
 * (docs/CLUSTERING.md, "When Redis goes away").
 */
final class RedisWriteBack {
    private static final Logger log = LoggerFactory.getLogger(RedisWriteBack.class);

    private final Vertx vertx;
    private final RedisEpoch epochs;
    private final ClusterMembership membership;
    private final RedisMatchBus matches;
    private final List<RedisTicketStore> tickets = new CopyOnWriteArrayList<>();
    private final List<RedisPartyStore> parties = new CopyOnWriteArrayList<>();
    private final List<RedisPlayerSessions> sessions = new CopyOnWriteArrayList<>();
    private long timer = -1;

    RedisWriteBack(Vertx vertx, RedisEpoch epochs, ClusterMembership membership, RedisMatchBus matches) {
        this.vertx = vertx;
        this.epochs = epochs;
        this.membership = membership;
        this.matches = matches;
        epochs.onLost(this::writeBack);
    }

    RedisTicketStore add(RedisTicketStore store) {
        tickets.add(store);
        return store;
    }

    RedisPartyStore add(RedisPartyStore store) {
        parties.add(store);
        return store;
    }

    RedisPlayerSessions add(RedisPlayerSessions store) {
        sessions.add(store);
        return store;
    }

    /** Prunes every {@code interval}. */
    void start(Duration interval) {
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), t -> prune());
    }

    void halt() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /**
     * Forgets what other nodes changed since this node wrote it; nothing while Redis cannot be asked, and nothing
     * by answers that came while a loss was being written back.
     */
    Future<Void> prune() {
        RedisEpoch.Seen seen = epochs.seen();
        BooleanSupplier holds = () -> epochs.holds(seen);
        List<Future<Void>> all = new ArrayList<>();
        tickets.forEach(t -> all.add(t.prune(seen.epoch(), holds)));
        parties.forEach(p -> all.add(p.prune(seen.epoch(), holds)));
        return Future.join(all).<Void>mapEmpty().onFailure(e -> log.debug("prune failed: {}", e.toString()));
    }

    /**
     * Writes back what this node owns: the stores take their snapshot now, before any later prune could judge their
     * entries by a Redis that does not hold them yet.
     */
    private void writeBack(long loss) {
        Future<Void> registered = membership.heartbeat().otherwise(e -> {
            log.warn("could not register again after Redis lost its data: {}", e.toString());
            return null;
        });
        Future<List<dev.arena.match.MatchId>> games = matches.rewrite().onSuccess(lost -> lost.forEach(id ->
                log.warn("game {}: its join code was claimed by another game before it was written back; it can "
                        + "no longer be joined by code", id)));
        List<Future<Integer>> counted = new ArrayList<>();
        parties.forEach(p -> counted.add(p.rewrite()));
        int partyStores = counted.size();
        tickets.forEach(t -> counted.add(t.rewrite()));
        List<Future<Void>> rest = new ArrayList<>(List.of(registered));
        sessions.forEach(s -> rest.add(s.rewrite()));
        Future.join(games, Future.join(counted), Future.join(rest)).onComplete(ar -> {
            epochs.writtenBack(loss);
            int p = 0;
            int t = 0;
            for (int i = 0; i < counted.size(); i++) {
                int n = counted.get(i).succeeded() ? counted.get(i).result() : 0;
                if (i < partyStores) {
                    p += n;
                } else {
                    t += n;
                }
            }
            log.info("wrote back after Redis lost its data: {} parties, {} waiting tickets, running games' entries {}",
                    p, t, games.succeeded() ? "written" : "failed (" + games.cause() + ")");
        });
    }
}
