package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The waiting tickets of every configured mode and the step that turns them into match proposals.
 *
 * <p><b>Not thread-safe, by design: one owner.</b> A single thread (in the server, one Vert.x context)
 * calls every method; request handlers on other threads send that owner messages instead of touching the
 * pool. That keeps {@link #process(Instant)} free of locks and makes add/cancel/process totally ordered,
 * which is what makes a cancel-versus-match race answerable at all (see {@link CancelOutcome}).
 *
 * <p>No clock is read here: {@link #process(Instant)} is given the time, so tests and the simulation drive
 * it through hours of waiting without sleeping.
 *
 * <p>A player may wait in several modes at once. One {@code process} call never proposes the same player
 * twice; the player's tickets in other modes stay waiting until the caller cancels them.
 */
public final class TicketPool {

    /** How long the pool remembers what happened to a finished ticket, so late cancels get a true answer. */
    public static final Duration DEFAULT_OUTCOME_RETENTION = Duration.ofMinutes(2);

    /** A finished ticket's outcome and when it was recorded. */
    private record Finished(CancelOutcome outcome, Instant at) {}

    private final Map<String, ModeQueue> queues = new LinkedHashMap<>();
    private final Map<TicketId, ModeQueue> queueOfTicket = new HashMap<>();
    /**
     * Outcomes of finished tickets in the order they finished; entries older than the retention are dropped
     * at each {@link #process}, which bounds it to (tickets finished per retention period).
     */
    private final LinkedHashMap<TicketId, Finished> finished = new LinkedHashMap<>();
    private final Duration outcomeRetention;
    /** Latest instant the pool has been told about; stamps cancels, which are not given a time. */
    private Instant latest = Instant.EPOCH;

    public TicketPool(Collection<QueueConfig> configs) {
        this(configs, DEFAULT_OUTCOME_RETENTION);
    }

    public TicketPool(Collection<QueueConfig> configs, Duration outcomeRetention) {
        Objects.requireNonNull(outcomeRetention, "outcomeRetention");
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("at least one mode is needed");
        }
        for (QueueConfig c : configs) {
            if (queues.putIfAbsent(c.mode(), new ModeQueue(c)) != null) {
                throw new IllegalArgumentException("mode " + c.mode() + " configured twice");
            }
        }
        this.outcomeRetention = outcomeRetention;
    }

    /**
     * Puts a ticket in its mode's queue.
     *
     * @throws TicketRejectedException if the mode is unknown, the id is in use, the party is bigger than a team,
     *                                 a hard-constraint property is missing, or a member already waits in this mode
     */
    public void add(Ticket ticket) {
        ModeQueue queue = queues.get(ticket.mode());
        if (queue == null) {
            throw new TicketRejectedException.UnknownMode(ticket.mode());
        }
        if (queueOfTicket.containsKey(ticket.id()) || finished.containsKey(ticket.id())) {
            throw new TicketRejectedException.DuplicateTicketId(ticket.id());
        }
        queue.add(ticket);
        queueOfTicket.put(ticket.id(), queue);
        if (ticket.createdAt().isAfter(latest)) {
            latest = ticket.createdAt();
        }
    }

    /** Takes a ticket out of the pool if it is still waiting; otherwise says what became of it. Never throws. */
    public CancelOutcome cancel(TicketId id) {
        ModeQueue queue = queueOfTicket.remove(id);
        if (queue != null) {
            Ticket t = queue.remove(id).orElseThrow();
            finished.put(id, new Finished(new CancelOutcome.AlreadyCancelled(id), latest));
            return new CancelOutcome.Cancelled(t);
        }
        Finished f = finished.get(id);
        return f == null ? new CancelOutcome.Unknown(id) : f.outcome();
    }

    /**
     * The pure matching step: forms every match the rules allow at {@code now}, removes the matched tickets
     * from the pool and returns the proposals (in each mode, in the order their oldest ticket arrived).
     */
    public List<MatchProposal> process(Instant now) {
        Objects.requireNonNull(now, "now");
        if (now.isAfter(latest)) {
            latest = now;
        }
        List<MatchProposal> all = new ArrayList<>();
        Set<UUID> matchedPlayers = new HashSet<>();
        for (ModeQueue queue : queues.values()) {
            for (MatchProposal p : queue.match(now, matchedPlayers)) {
                all.add(p);
                matchedPlayers.addAll(p.playerIds());
                for (TicketId id : p.ticketIds()) {
                    queueOfTicket.remove(id);
                    finished.put(id, new Finished(new CancelOutcome.AlreadyMatched(id, p), now));
                }
            }
        }
        forgetOutcomesBefore(now.minus(outcomeRetention));
        return all;
    }

    private void forgetOutcomesBefore(Instant cutoff) {
        Iterator<Finished> it = finished.values().iterator();
        while (it.hasNext()) {
            if (!it.next().at().isBefore(cutoff)) {
                return; // recorded in time order, so everything after this is newer
            }
            it.remove();
        }
    }

    public Optional<Ticket> find(TicketId id) {
        ModeQueue queue = queueOfTicket.get(id);
        return queue == null ? Optional.empty() : queue.get(id);
    }

    public Set<String> modes() {
        return queues.keySet();
    }

    public QueueConfig config(String mode) {
        return queue(mode).config();
    }

    /** Waiting tickets of a mode (a party counts once). */
    public int queueLength(String mode) {
        return queue(mode).ticketCount();
    }

    /** Waiting players of a mode (a party counts each member). */
    public int playersWaiting(String mode) {
        return queue(mode).playerCount();
    }

    /** Longest current wait in a mode; zero when the queue is empty. */
    public Duration oldestWait(String mode, Instant now) {
        return queue(mode).oldestWait(now);
    }

    /** A snapshot of a mode's waiting tickets, oldest first. */
    public List<Ticket> waiting(String mode) {
        return queue(mode).oldestFirst();
    }

    private ModeQueue queue(String mode) {
        ModeQueue q = queues.get(mode);
        if (q == null) {
            throw new TicketRejectedException.UnknownMode(mode);
        }
        return q;
    }
}
