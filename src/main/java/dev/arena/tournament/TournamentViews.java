package dev.arena.tournament;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Round;
import dev.arena.tournament.bracket.Slot;
import dev.arena.tournament.bracket.Standing;
import dev.arena.tournament.bracket.TiebreakScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The read models of the tournament API and of live updates (written snake_case by the wire mapper). */
public final class TournamentViews {
    private TournamentViews() {}

    /**
     * One pairing. {@code players} is [home, away], null where not known yet (or a bye); {@code scores} is
     * [home wins, away wins]: the result once decided, the games so far while it is played.
     */
    public record PairingView(String pairingId, int round, String bracket, int table, String state,
                              List<UUID> players, List<Integer> scores, int draws, String walkover,
                              List<MatchId> gameIds, UUID winner) {}

    public record RoundView(int round, String bracket, List<PairingView> pairings) {}

    public record BracketView(UUID tournamentId, long version, TournamentFormat format, TournamentStatus status,
                              List<RoundView> rounds) {}

    public record StandingView(int place, UUID playerId, String displayName, int seed, int points, int played,
                               int wins, int draws, int losses, int byes, int gameDifference,
                               Map<String, Integer> tiebreaks) {}

    public record LeaderboardView(UUID tournamentId, long version, TournamentStatus status, boolean complete,
                                  List<StandingView> standings) {}

    /** One game of a pairing's series ({@code GET /tournaments/{id}/matches}). */
    public record GameView(MatchId gameId, String pairingId, int round, String bracket, int gameNumber,
                           List<UUID> players, String status, Instant createdAt, Instant deadline) {}

    static String side(Round r) {
        return r.side().name().toLowerCase(Locale.ROOT);
    }

    static UUID player(Slot s) {
        return s.occupant().map(PlayerId::value).orElse(null);
    }

    static List<UUID> players(Pairing p) {
        List<UUID> out = new ArrayList<>(2);
        out.add(player(p.home()));
        out.add(player(p.away()));
        return out;
    }

    /** {@code games}: this pairing's games, oldest first (counted ones give the running score). */
    public static PairingView pairing(Pairing p, List<TournamentMatch> games) {
        int home = 0;
        int away = 0;
        int draws = 0;
        String walkover = null;
        if (p.state() instanceof PairingState.Decided d) {
            switch (d.result()) {
                case Result.Series s -> {
                    home = s.homeWins();
                    away = s.awayWins();
                    draws = s.draws();
                }
                case Result.Walkover w -> walkover = w.noShow().name().toLowerCase(Locale.ROOT);
            }
        } else {
            TournamentMatch.Score score = TournamentMatch.score(games);
            home = score.home();
            away = score.away();
            draws = score.draws();
        }
        return new PairingView(p.id().value(), p.round().number(), side(p.round()), p.table(), BracketText.state(p.state()),
                players(p), List.of(home, away), draws, walkover, games.stream().map(TournamentMatch::gameId).toList(),
                p.winner().map(PlayerId::value).orElse(null));
    }

    public static BracketView bracket(Tournament t, Bracket b, List<TournamentMatch> games) {
        Map<PairingId, List<TournamentMatch>> byPairing = new LinkedHashMap<>();
        for (TournamentMatch g : games) {
            byPairing.computeIfAbsent(g.pairingId(), k -> new ArrayList<>()).add(g);
        }
        Map<Round, List<PairingView>> rounds = new LinkedHashMap<>();
        if (b != null) {
            for (Pairing p : b.pairings()) {
                rounds.computeIfAbsent(p.round(), k -> new ArrayList<>())
                        .add(pairing(p, byPairing.getOrDefault(p.id(), List.of())));
            }
        }
        List<RoundView> out = new ArrayList<>();
        rounds.forEach((r, ps) -> out.add(new RoundView(r.number(), side(r), ps)));
        return new BracketView(t.id(), t.version(), t.format(), t.status(), out);
    }

    public static LeaderboardView leaderboard(Tournament t, Bracket b, Map<UUID, String> names) {
        List<StandingView> out = new ArrayList<>();
        if (b != null) {
            for (Standing s : b.standings()) {
                UUID id = s.player().value();
                Map<String, Integer> tiebreaks = new LinkedHashMap<>();
                for (TiebreakScore ts : s.tiebreaks()) {
                    tiebreaks.put(ts.tiebreak().name().toLowerCase(Locale.ROOT), ts.value());
                }
                out.add(new StandingView(s.place(), id, names.get(id), s.seed(), s.points(), s.tally().played(),
                        s.tally().wins(), s.tally().draws(), s.tally().losses(), s.tally().byes(),
                        s.tally().gameDifference(), tiebreaks));
            }
        }
        return new LeaderboardView(t.id(), t.version(), t.status(), b != null && b.isComplete(), out);
    }

    public static GameView game(TournamentMatch g, Pairing p) {
        return new GameView(g.gameId(), g.pairingId().value(), p.round().number(), side(p.round()), g.number(),
                players(p), g.outcome() == null ? "open" : g.outcome().wire(), g.createdAt(), g.deadline());
    }
}
