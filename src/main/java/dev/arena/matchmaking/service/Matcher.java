package dev.arena.matchmaking.service;

import dev.arena.matchmaking.MatchProposal;
import dev.arena.matchmaking.MatchmakingStatsTracker;
import dev.arena.matchmaking.QueueConfig;
import dev.arena.matchmaking.Ticket;
import dev.arena.matchmaking.TicketId;
import dev.arena.matchmaking.TicketPool;
import dev.arena.matchmaking.TicketRejectedException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher of this node: owns the {@link TicketPool} of the modes whose lease it holds and turns proposals into
 * games. <b>One owner</b>: every method runs on the matchmaking context, one step at a time ({@link Matchmaking}
 * serialises the steps), so the pool needs no lock.
 *
 * <p>A step: take or renew each mode's lease; bring the pool in line with the store's waiting tickets (new ones
 * added, cancelled ones removed; a mode whose lease was lost is emptied); run {@code process(now)}; claim each
 * proposal's tickets in the store, all or nothing, and launch the game of each claimed proposal. A proposal whose
 * claim fails lost a race with a cancel, or with the claim of one of its players in another mode (possibly on
 * another node; the claim withdraws a player's other modes atomically): nothing is created, and its other tickets,
 * still waiting in the store, come back into the pool at the next step with their original {@code createdAt} (and
 * so their earned window). So do the tickets of a claim whose game could not be created ({@link MatchLauncher}).
 *
 * <p>The pool knows tickets under ids of its own: a ticket that comes back after a failed claim needs a fresh one,
 * since the pool refuses an id it has finished with.
 */
public final class Matcher {
    private static final Logger log = LoggerFactory.getLogger(Matcher.class);

    private final TicketStore store;
    private final MatcherLease lease;
    private final MatchLauncher launcher;
    private final List<String> modes;
    private final String node;
    private final TicketPool pool;
    private final MatchmakingStatsTracker tracker = new MatchmakingStatsTracker();
    /** Store id -> pool id, and pool id -> the stored ticket, for tickets in the pool. */
    private final Map<TicketId, TicketId> poolIds = new HashMap<>();
    private final Map<TicketId, TicketRecord> byPoolId = new HashMap<>();
    private final Set<String> held = new LinkedHashSet<>();

    public Matcher(TicketStore store, MatcherLease lease, List<QueueConfig> queues, MatchLauncher launcher,
                   String node) {
        this.store = store;
        this.lease = lease;
        this.launcher = launcher;
        this.node = node;
        this.modes = queues.stream().map(QueueConfig::mode).toList();
        this.pool = new TicketPool(queues);
    }

    /** The modes whose matcher runs here, as of the last step. */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /** Leases, then the pool brought in line with the store. */
    Future<Void> sync() {
        List<Future<Void>> all = new ArrayList<>();
        for (String mode : modes) {
            all.add(lease.hold(mode).otherwise(e -> {
                log.warn("matcher lease of {} could not be renewed: {}", mode, e.toString());
                return false;
            }).compose(holds -> {
                if (!holds) {
                    if (held.remove(mode)) {
                        log.info("matcher of {} now runs on another node", mode);
                    }
                    forget(mode, Set.of());
                    return Future.succeededFuture();
                }
                if (held.add(mode)) {
                    log.info("matcher of {} runs on this node ({})", mode, node);
                }
                return store.waiting(mode).map(waiting -> {
                    reconcile(mode, waiting);
                    return null;
                });
            }));
        }
        return Future.join(all).mapEmpty();
    }

    private void reconcile(String mode, List<TicketRecord> waiting) {
        Set<TicketId> present = new java.util.HashSet<>();
        for (TicketRecord r : waiting) {
            present.add(r.ticket().id());
        }
        forget(mode, present);
        for (TicketRecord r : waiting) {
            TicketId id = r.ticket().id();
            if (poolIds.containsKey(id)) {
                continue;
            }
            Ticket t = r.ticket();
            TicketId poolId = TicketId.random();
            try {
                pool.add(new Ticket(poolId, t.mode(), t.members(), t.partyId(), t.properties(), t.createdAt()));
                poolIds.put(id, poolId);
                byPoolId.put(poolId, r);
            } catch (TicketRejectedException e) {
                // The store enforces one waiting ticket per player and mode; this only happens while the pool still
                // holds a ticket the store has just finished, and heals at the next step.
                log.debug("ticket {} not taken into the pool yet: {}", id, e.getMessage());
            }
        }
    }

    /** Removes from the pool the tickets of {@code mode} not in {@code keep}. */
    private void forget(String mode, Set<TicketId> keep) {
        var it = poolIds.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            TicketRecord r = byPoolId.get(e.getValue());
            if (r.ticket().mode().equals(mode) && !keep.contains(e.getKey())) {
                pool.cancel(e.getValue());
                byPoolId.remove(e.getValue());
                it.remove();
            }
        }
    }

    /** Forms the matches of {@code now}, claims them and launches their games; completes with how many launched. */
    Future<Integer> form(Instant now) {
        List<MatchProposal> proposals = pool.process(now);
        tracker.record(proposals, now);
        List<Future<Boolean>> launched = new ArrayList<>();
        for (MatchProposal p : proposals) {
            List<TicketRecord> tickets = new ArrayList<>();
            List<TicketId> ids = new ArrayList<>();
            for (TicketId poolId : p.ticketIds()) {
                TicketRecord r = byPoolId.remove(poolId);
                poolIds.remove(r.ticket().id());
                tickets.add(r);
                ids.add(r.ticket().id());
            }
            launched.add(store.claim(ids).compose(claim -> {
                if (!claim.won()) {
                    // a cancel, or this player's claim in another mode, came first
                    log.debug("proposal in {} lost a race; its other tickets wait on", p.mode());
                    return Future.succeededFuture(false);
                }
                return launcher.launch(p, tickets, claim.withdrawn());
            }).otherwise(e -> {
                log.error("match of {} in {} could not be launched", ids, p.mode(), e);
                return false;
            }));
        }
        return Future.join(launched).map(cf -> (int) launched.stream().filter(f -> Boolean.TRUE.equals(f.result()))
                .count());
    }

    /** Statistics of the modes whose matcher runs here. */
    List<StatsView> stats(Instant now) {
        List<StatsView> out = new ArrayList<>();
        for (String mode : held) {
            out.add(StatsView.of(tracker.snapshot(pool, mode, now), pool.config(mode), node, now));
        }
        return out;
    }

    /** Gives up every lease held (a graceful stop): another node's next step takes over. */
    Future<Void> releaseAll() {
        List<Future<Void>> all = new ArrayList<>();
        for (String mode : held) {
            all.add(lease.release(mode));
        }
        held.clear();
        return Future.join(all).mapEmpty();
    }
}
