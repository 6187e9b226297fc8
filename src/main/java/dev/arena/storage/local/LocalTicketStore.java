package dev.arena.storage.local;

import dev.arena.matchmaking.service.TicketRecord;
import dev.arena.matchmaking.service.TicketRules;
import dev.arena.matchmaking.service.TicketStatus;
import dev.arena.matchmaking.service.TicketStore;

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
    /** Waiting ticket of each player in each mode: player -> mode -> ticket. */
    private final Map<UUID, Map<String, TicketId>> active = new HashMap<>();
    /** Finished tickets in the order they finished, with when. */
    private final LinkedHashMap<TicketId, Instant> finished = new LinkedHashMap<>();
    private final Map<String, String> stats = new HashMap<>();

    public LocalTicketStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    private TicketId held(UUID player, String mode) {
        return active.getOrDefault(player, Map.of()).get(mode);
    }

    private void hold(UUID player, String mode, TicketId id) {
        active.computeIfAbsent(player, p -> new HashMap<>()).put(mode, id);
    }

    @Override
    public synchronized Future<Void> add(TicketRecord waiting) {
        prune();
        String mode = waiting.ticket().mode();
        for (UUID p : waiting.players()) {
            TicketId held = held(p, mode);
            if (held != null) {
                return Future.failedFuture(TicketRules.alreadyQueued(p, mode, held));
            }
        }
        if (tickets.containsKey(waiting.ticket().id())) {
            return Future.failedFuture(new ArenaException.Conflict("ticket " + waiting.ticket().id() + " exists"));
        }
        tickets.put(waiting.ticket().id(), waiting);
        waiting.players().forEach(p -> hold(p, mode, waiting.ticket().id()));
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
    public synchronized Future<Claim> claim(Collection<TicketId> ids) {
        for (TicketId id : ids) {
            TicketRecord r = tickets.get(id);
            if (r == null || r.status() != TicketStatus.WAITING) {
                return Future.succeededFuture(Claim.LOST);
            }
        }
        List<TicketRecord> claimed = ids.stream().map(id -> finish(tickets.get(id).matched(null, null))).toList();
        List<TicketRecord> withdrawn = new ArrayList<>();
        for (TicketRecord r : claimed) {
            for (UUID p : r.players()) {
                for (TicketId other : List.copyOf(active.getOrDefault(p, Map.of()).values())) {
                    withdrawn.add(finish(tickets.get(other).cancelled(MATCHED_ELSEWHERE)));
                }
            }
        }
        return Future.succeededFuture(new Claim(true, withdrawn));
    }

    @Override
    public synchronized Future<List<TicketRecord>> requeue(Collection<TicketRecord> records, String reason) {
        prune();
        List<TicketRecord> changed = new ArrayList<>();
        for (TicketRecord was : records) {
            TicketId id = was.ticket().id();
            TicketRecord now = tickets.get(id);
            if (now == null || !undoable(now)) {
                continue;
            }
            String mode = was.ticket().mode();
            if (was.players().stream().noneMatch(p -> held(p, mode) != null)) {
                TicketRecord back = TicketRecord.waiting(was.ticket(), was.owner());
                tickets.put(id, back);
                finished.remove(id);
                back.players().forEach(p -> hold(p, mode, id));
                changed.add(back);
            } else if (now.status() == TicketStatus.MATCHED) {
                changed.add(finish(now.cancelled(reason)));
            }
        }
        return Future.succeededFuture(changed);
    }

    /** Matched without a game yet (a claim whose launch failed), or withdrawn by such a claim. */
    private static boolean undoable(TicketRecord r) {
        return r.status() == TicketStatus.MATCHED && r.gameId() == null
                || r.status() == TicketStatus.CANCELLED && MATCHED_ELSEWHERE.equals(r.reason());
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
        active.getOrDefault(player, Map.of()).values().forEach(id -> out.add(tickets.get(id)));
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
        for (UUID p : r.players()) {
            Map<String, TicketId> modes = active.get(p);
            if (modes != null && modes.remove(r.ticket().mode(), r.ticket().id()) && modes.isEmpty()) {
                active.remove(p);
            }
        }
        finished.remove(r.ticket().id()); // kept in finishing order: a ticket finished twice moves to the end
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
