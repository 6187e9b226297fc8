package dev.arena.matchmaking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass of the matching rules over one mode's waiting tickets at one instant. Built and thrown away
 * by each {@link ModeQueue#match} call; it changes nothing outside itself and returns the groups it formed.
 *
 * <p>Tickets are served oldest first. Each unmatched ticket in turn (the anchor) scans its bucket outward by
 * rating distance, never further than its own window, and collects the nearest tickets that are compatible
 * with everyone collected so far and still pack into whole teams. With the bucket sorted by rating and
 * matched tickets skipped in near-constant time, a pass costs O(n log n) for the sort plus, per anchor,
 * the tickets inside its window that it had to skip (few, unless the pool is full of mutually
 * incompatible neighbours; {@link #SCAN_LIMIT} bounds that case).
 */
final class MatchingStep {
    /**
     * Most tickets one anchor inspects. Only reached when many closer tickets are incompatible (their
     * windows are still narrow); those windows widen with time, so the anchor gets its turn in a later pass.
     */
    static final int SCAN_LIMIT = 512;

    /** Tickets that form one match, with each ticket's team. */
    record Group(List<Candidate> tickets, int[] teamOf) {}

    private final QueueConfig config;
    private final List<Candidate> byAge;

    /**
     * @param oldestFirst    the mode's waiting tickets, oldest first
     * @param excludedPlayers players already placed in a match by this {@code process} call in another mode
     */
    MatchingStep(QueueConfig config, List<Ticket> oldestFirst, Instant now, Set<UUID> excludedPlayers) {
        this.config = config;
        this.byAge = new ArrayList<>(oldestFirst.size());
        Map<List<String>, List<Candidate>> buckets = new HashMap<>();
        List<String> keys = config.hardConstraints().stream().sorted().toList();
        for (Ticket t : oldestFirst) {
            if (!excludedPlayers.isEmpty() && t.members().stream().anyMatch(m -> excludedPlayers.contains(m.playerId()))) {
                continue;
            }
            Candidate c = new Candidate(t, config.window().at(t.waitAt(now)), byAge.size());
            byAge.add(c);
            buckets.computeIfAbsent(constraintKey(t, keys), k -> new ArrayList<>()).add(c);
        }
        for (List<Candidate> bucket : buckets.values()) {
            new RatingIndex(bucket); // links each candidate to its bucket's index; reached through the candidates
        }
    }

    private static List<String> constraintKey(Ticket t, List<String> keys) {
        List<String> key = new ArrayList<>(keys.size());
        for (String k : keys) {
            key.add(t.properties().get(k));
        }
        return key;
    }

    List<Group> run() {
        List<Group> groups = new ArrayList<>();
        for (Candidate anchor : byAge) {
            if (anchor.taken) {
                continue;
            }
            List<Candidate> group = collect(anchor);
            if (group == null) {
                continue;
            }
            for (Candidate c : group) {
                c.taken = true;
                c.index.remove(c);
            }
            groups.add(new Group(group, TeamBalancer.assign(group, config.teamCount(), config.teamSize())));
        }
        return groups;
    }

    private List<Candidate> collect(Candidate anchor) {
        int need = config.playersPerMatch();
        List<Candidate> chosen = new ArrayList<>();
        chosen.add(anchor);
        int players = anchor.size;
        RatingIndex.Scan scan = anchor.index.scanFrom(anchor);
        for (int inspected = 0; inspected < SCAN_LIMIT; inspected++) {
            Candidate c = scan.next();
            if (c == null || Math.abs(c.rating - anchor.rating) > anchor.window) {
                return null;
            }
            if (players + c.size > need || !compatibleWithAll(c, chosen)) {
                continue;
            }
            chosen.add(c);
            if (!TeamBalancer.fits(chosen, config.teamCount(), config.teamSize())) {
                chosen.removeLast();
                continue;
            }
            players += c.size;
            if (players == need) {
                return chosen;
            }
        }
        return null;
    }

    private static boolean compatibleWithAll(Candidate c, List<Candidate> chosen) {
        for (Candidate x : chosen) {
            if (!c.compatibleWith(x)) {
                return false;
            }
        }
        return true;
    }
}
