package dev.arena.tournament.bracket;

/** A player's record over decided pairings; byes are counted apart and are not "played". */
public record Tally(int played, int wins, int draws, int losses, int byes, int gamesWon, int gamesLost) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0);

    public int gameDifference() {
        return gamesWon - gamesLost;
    }

    Tally plus(Outcome outcome, Side side, GameScore games) {
        boolean won = outcome == Outcome.winBy(side);
        boolean drawn = outcome == Outcome.DRAW;
        return new Tally(played + 1, wins + (won ? 1 : 0), draws + (drawn ? 1 : 0),
                losses + (!won && !drawn ? 1 : 0), byes,
                gamesWon + games.of(side), gamesLost + games.of(side.other()));
    }

    Tally plusBye() {
        return new Tally(played, wins, draws, losses, byes + 1, gamesWon, gamesLost);
    }
}
