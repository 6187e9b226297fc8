package dev.arena.lobby;

import dev.arena.common.ArenaException;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The lobby over this node's games ({@link HostedMatches}): the list of open public games. Joining by code and
 * the ready check and host controls of lobby games are commands on the game ({@code match.MatchCommands}), decided
 * by the match's own loop ({@code HostControls}). Live updates of the list are {@link LobbyTracker}'s.
 */
public final class Lobby {
    /** A region name: lower-case letters, digits and hyphens ({@code eu-west}, {@code us-east-1}). */
    public static final Pattern REGION = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    public static final String REGION_RULE = "must be 1-32 lower-case letters, digits or inner hyphens, e.g. eu-west";
    /** A join code as typed by a friend: letters and digits, any case (codes are issued upper case). */
    public static final Pattern JOIN_CODE = Pattern.compile("[A-Za-z0-9]{6}");
    public static final int MAX_LIMIT = 100;

    /**
     * {@code GET /lobby/games}: null filters match everything.
     *
     * @param hasSpace only games with a free seat
     */
    public record Query(String mode, String region, boolean hasSpace, int limit, int offset) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
                throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + " and offset not negative");
            }
        }

        /** Whether the listed game passes the filters (mode, region, free seat). */
        public boolean matches(LobbyMatch l) {
            return (mode == null || mode.equals(l.mode())) && (region == null || region.equals(l.region()))
                    && (!hasSpace || l.hasSpace());
        }
    }

    /** One page of the list; {@code total} counts every game the query matches. */
    public record Page(List<LobbyMatch> games, int total, int limit, int offset) {}

    private final HostedMatches matches;

    public Lobby(HostedMatches matches) {
        this.matches = Objects.requireNonNull(matches, "matches");
    }

    public HostedMatches matches() {
        return matches;
    }

    /**
     * Open public games waiting for players, the nearest to full first (a lobby fills games before opening new
     * ones), then by id, so pages are stable while nothing changes.
     */
    public Page list(Query q) {
        return page(matching(q), q);
    }

    /** Every open public game of this node that the query's filters match (not paged, not sorted). */
    public List<LobbyMatch> matching(Query q) {
        List<LobbyMatch> all = new ArrayList<>();
        for (HostedMatches.HostedMatch g : matches.list(q.mode(), MatchStatus.WAITING, false)) {
            LobbyMatch l = LobbyMatch.of(g, min(g.mode()));
            if (l != null && q.matches(l)) {
                all.add(l);
            }
        }
        return all;
    }

    /**
     * One page of {@code games} (already filtered, possibly of several nodes) in the list's order: nearest to
     * full first, then by id.
     */
    public static Page page(List<LobbyMatch> matches, Query q) {
        List<LobbyMatch> all = new ArrayList<>(matches);
        all.sort(Comparator.comparingInt((LobbyMatch l) -> l.maxPlayers() - l.playerCount())
                .thenComparing(l -> l.gameId().toString()));
        int from = Math.min(q.offset(), all.size());
        int to = Math.min(from + q.limit(), all.size());
        return new Page(List.copyOf(all.subList(from, to)), all.size(), q.limit(), q.offset());
    }

    /** The game's current listing, or null when the lobby does not list it (or it is unknown). */
    LobbyMatch listing(MatchId id) {
        try {
            HostedMatches.HostedMatch g = matches.require(id);
            return LobbyMatch.of(g, min(g.mode()));
        } catch (ArenaException.NotFound e) {
            return null;
        }
    }

    /** The game's listing under "live now", or null when it is not a running match anyone may watch (or unknown). */
    LiveMatch liveListing(MatchId id) {
        try {
            return LiveMatch.of(matches.require(id));
        } catch (ArenaException.NotFound e) {
            return null;
        }
    }

    private int min(String mode) {
        return matches.registry().games().require(mode).info().players().min();
    }
}
