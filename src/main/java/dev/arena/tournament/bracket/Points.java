package dev.arena.tournament.bracket;

/**
 * Match points per decided pairing in round robin and Swiss. The default is football's 3/1/0, which keeps
 * every score and tiebreak an integer; chess organisers who want 1/½/0 can use 2/1/0 (all figures doubled).
 */
public record Points(int win, int draw, int loss) {

    public static final Points DEFAULT = new Points(3, 1, 0);

    public Points {
        if (loss < 0 || draw < loss || win <= draw) {
            throw new IllegalArgumentException("points must satisfy win > draw >= loss >= 0, got "
                    + win + "/" + draw + "/" + loss);
        }
    }

    public int of(Outcome outcome, Side side) {
        return switch (outcome) {
            case DRAW -> draw;
            case HOME_WIN -> side == Side.HOME ? win : loss;
            case AWAY_WIN -> side == Side.AWAY ? win : loss;
        };
    }
}
