package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.TicketId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The single-node {@link TicketStore}: maps behind one lock (the edges call it from every event loop, the matcher
 * from its own context; each call is a few map operations). Finished tickets are dropped {@code retention} after
 * they finished, checked on every write.
 */
public final class LocalTicketStore implements TicketStore {
    private final Clock clock;
    private final Duration retention;
    private final Map<TicketId, TicketRecord> tickets = new HashMap<>();
    /** Waiting ticket of each player in each mode: "player|mode" -> ticket. */
    private final Map<String, TicketId> active = new HashMap<>();
    /** Finished tickets in the order they finished, with when. */
    private final LinkedHashMap<TicketId, Instant> finished = new LinkedHashMap<>();
    private final Map<String, String> stats = new HashMap<>();

    public LocalTicketStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    private static String key(UUID player, String mode) {
        return player + "|" + mode;
    }

    @Override
    public synchronized Future<Void> add(TicketRecord waiting) {
        prune();
        String mode = waiting.ticket().mode();
        for (UUID p : waiting.players()) {
            TicketId held = active.get(key(p, mode));
            if (held != null) {
                return Future.failedFuture(TicketRules.alreadyQueued(p, mode, held));
            }
        }
        if (tickets.containsKey(waiting.ticket().id())) {
            return Future.failedFuture(new ArenaException.Conflict("ticket " + waiting.ticket().id() + " exists"));
        }
        tickets.put(waiting.ticket().id(), waiting);
        waiting.players().forEach(p -> active.put(key(p, mode), waiting.ticket().id()));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<TicketRecord>> find(TicketId id) {
        return Future.succeededFuture(Optional.ofNullable(tickets.get(id)));
    }

    @Override
    public synchronized Future<Optional<TicketRecord>> cancel(TicketId id, String reason) {
        prune();
        TicketRecord r = tickets.get(id);
        if (r != null && r.status() == TicketStatus.WAITING) {
            r = finish(r.cancelled(reason));
        }
        return Future.succeededFuture(Optional.ofNullable(r));
    }

    @Override
    public synchronized Future<List<TicketRecord>> waiting(String mode) {
        List<TicketRecord> out = new ArrayList<>();
        for (TicketRecord r : tickets.values()) {
            if (r.status() == TicketStatus.WAITING && r.ticket().mode().equals(mode)) {
                out.add(r);
            }
        }
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<Boolean> claim(Collection<TicketId> ids) {
        for (TicketId id : ids) {
            TicketRecord r = tickets.get(id);
            if (r == null || r.status() != TicketStatus.WAITING) {
                return Future.succeededFuture(false);
            }
        }
        ids.forEach(id -> finish(tickets.get(id).matched(null, null)));
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Void> assign(Collection<TicketId> ids, UUID gameId, String node) {
        for (TicketId id : ids) {
            TicketRecord r = tickets.get(id);
            if (r != null && r.status() == TicketStatus.MATCHED) {
                tickets.put(id, r.matched(gameId, node));
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<TicketRecord>> waitingOf(UUID player) {
        List<TicketRecord> out = new ArrayList<>();
        active.forEach((k, id) -> {
            if (k.startsWith(player + "|")) {
                out.add(tickets.get(id));
            }
        });
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<Void> putStats(String mode, String json) {
        stats.put(mode, json);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<String>> stats(String mode) {
        return Future.succeededFuture(Optional.ofNullable(stats.get(mode)));
    }

    private TicketRecord finish(TicketRecord r) {
        tickets.put(r.ticket().id(), r);
        r.players().forEach(p -> active.remove(key(p, r.ticket().mode()), r.ticket().id()));
        finished.put(r.ticket().id(), clock.instant());
        return r;
    }

    private void prune() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Map.Entry<TicketId, Instant>> it = finished.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TicketId, Instant> e = it.next();
            if (!e.getValue().isBefore(cutoff)) {
                return; // kept in finishing order
            }
            tickets.remove(e.getKey());
            it.remove();
        }
    }
}
