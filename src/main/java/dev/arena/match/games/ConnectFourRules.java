package dev.arena.match.games;

import static dev.arena.match.games.ConnectFour.COLUMNS;
import static dev.arena.match.games.ConnectFour.ROWS;

import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MatchResult;
import dev.arena.match.PublicState;
import dev.arena.match.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of {@code connect_four}. Moves apply as soon as they are accepted; ticks only run the turn clock. */
final class ConnectFourRules implements GameRules<FourSettings, FourState, FourInput> {
    private static final int HEIGHT = ROWS + 1; // bits per column, the top one always empty
    private static final long COLUMN_MASK = (1L << ROWS) - 1;

    @Override
    public FourState init(long seed, FourSettings settings) {
        return new FourState(settings, seed, 0, false, List.of(), 0, 0, 0, 0, 0, null, null);
    }

    @Override
    public JoinDecision canJoin(FourState s, PlayerId player) {
        if (s.started()) {
            return JoinDecision.refuse("already_started", "the game has started");
        }
        if (s.players().size() >= 2) {
            return JoinDecision.refuse("full", "two players are seated");
        }
        return JoinDecision.ACCEPT;
    }

    @Override
    public Step<FourState> join(FourState s, PlayerId player) {
        List<PlayerId> players = new ArrayList<>(s.players());
        players.add(player);
        return Step.of(new FourState(s.settings(), s.seed(), s.tick(), false, players, 0, 0, 0, 0, 0, null, null));
    }

    /** Who moves first is drawn from the seed, so neither seat has the first-move advantage by joining first. */
    @Override
    public Step<FourState> start(FourState s, long tick) {
        int first = (int) (mix(s.seed()) >>> 63);
        long deadline = deadline(s, tick);
        return Step.of(new FourState(s.settings(), s.seed(), tick - 1, true, s.players(), 0, 0, first, deadline, 0,
                null, null), new FourEvent.Turn(s.players().get(first), deadline));
    }

    @Override
    public Step<FourState> leave(FourState s, PlayerId player) {
        int i = s.players().indexOf(player);
        if (i < 0 || s.over()) {
            return Step.of(s);
        }
        if (!s.started()) {
            List<PlayerId> players = new ArrayList<>(s.players());
            players.remove(i);
            return Step.of(new FourState(s.settings(), s.seed(), s.tick(), false, players, 0, 0, 0, 0, 0, null, null));
        }
        PlayerId winner = s.players().get(1 - i);
        return Step.of(end(s, s.red(), s.yellow(), s.moves(), winner, "forfeit"),
                new FourEvent.GameOver(winner, "forfeit"));
    }

    @Override
    public InputResult<FourState> input(FourState s, PlayerId player, FourInput input) {
        int i = s.players().indexOf(player);
        if (i < 0) {
            return InputResult.reject("not_participant", "not a player of this game");
        }
        if (s.over()) {
            return InputResult.reject("game_over", "the game is over");
        }
        if (!s.started()) {
            return InputResult.reject("not_started", "the game has not started");
        }
        if (i != s.turn()) {
            return InputResult.reject("not_your_turn", "it is the other player's turn");
        }
        int column = switch (input) {
            case FourInput.Drop d -> d.column();
        };
        if (column < 0 || column >= COLUMNS) {
            return InputResult.reject("out_of_range", "column must be 0-" + (COLUMNS - 1));
        }
        long both = s.red() | s.yellow();
        int row = Long.bitCount((both >>> (column * HEIGHT)) & COLUMN_MASK);
        if (row >= ROWS) {
            return InputResult.reject("column_full", "column " + column + " is full");
        }
        long bit = 1L << (column * HEIGHT + row);
        long red = i == 0 ? s.red() | bit : s.red();
        long yellow = i == 1 ? s.yellow() | bit : s.yellow();
        int moves = s.moves() + 1;
        List<GameEvent> events = new ArrayList<>();
        events.add(new FourEvent.Dropped(player, column, row, i == 0 ? "R" : "Y"));
        FourState next;
        if (fourInARow(i == 0 ? red : yellow)) {
            next = end(s, red, yellow, moves, player, "four_in_a_row");
            events.add(new FourEvent.GameOver(player, "four_in_a_row"));
        } else if (moves == COLUMNS * ROWS) {
            next = end(s, red, yellow, moves, null, "board_full");
            events.add(new FourEvent.GameOver(null, "board_full"));
        } else {
            int turn = 1 - i;
            long deadline = deadline(s, s.tick() + 1);
            next = new FourState(s.settings(), s.seed(), s.tick(), true, s.players(), red, yellow, turn, deadline,
                    moves, null, null);
            events.add(new FourEvent.Turn(s.players().get(turn), deadline));
        }
        return new InputResult.Accepted<>(next, events);
    }

    @Override
    public Step<FourState> tick(FourState s, long n) {
        if (!s.over() && s.deadline() > 0 && n >= s.deadline()) {
            PlayerId late = s.players().get(s.turn());
            PlayerId winner = s.players().get(1 - s.turn());
            FourState over = end(s, s.red(), s.yellow(), s.moves(), winner, "timeout");
            return Step.of(withTick(over, n), new FourEvent.TimedOut(late), new FourEvent.GameOver(winner, "timeout"));
        }
        return Step.of(withTick(s, n));
    }

    @Override
    public Optional<MatchResult> result(FourState s) {
        if (!s.over()) {
            return Optional.empty();
        }
        List<PlayerId> p = s.players();
        if (s.winner() == null) {
            return Optional.of(MatchResult.ranked(p.stream().map(x -> new MatchResult.Standing(x, 1, 0)).toList(),
                    s.reason()));
        }
        List<MatchResult.Standing> standings = new ArrayList<>();
        standings.add(new MatchResult.Standing(s.winner(), 1, 1));
        p.stream().filter(x -> !x.equals(s.winner())).forEach(x -> standings.add(new MatchResult.Standing(x, 2, 0)));
        return Optional.of(MatchResult.ranked(standings, s.reason()));
    }

    @Override
    public PublicState view(FourState s) {
        List<String> rows = new ArrayList<>(ROWS);
        for (int r = ROWS - 1; r >= 0; r--) {
            StringBuilder b = new StringBuilder(COLUMNS);
            for (int c = 0; c < COLUMNS; c++) {
                long bit = 1L << (c * HEIGHT + r);
                b.append((s.red() & bit) != 0 ? 'R' : (s.yellow() & bit) != 0 ? 'Y' : '.');
            }
            rows.add(b.toString());
        }
        PlayerId toMove = s.started() && !s.over() ? s.players().get(s.turn()) : null;
        return new FourView(s.players(), rows, toMove, s.over() ? 0 : s.deadline(), s.moves(), s.winner(), s.reason());
    }

    @Override
    public FourInput decodeInput(Map<String, ?> raw) {
        return FourInput.decode(raw);
    }

    @Override
    public Map<String, Object> encodeInput(FourInput input) {
        return FourInput.encode(input);
    }

    /** Four in a line on one bitboard: vertical (shift 1), horizontal (7), and both diagonals (6, 8). */
    static boolean fourInARow(long b) {
        for (int shift : new int[] {1, HEIGHT, HEIGHT - 1, HEIGHT + 1}) {
            long pairs = b & (b >>> shift);
            if ((pairs & (pairs >>> (2 * shift))) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long deadline(FourState s, long turnStartTick) {
        long t = s.settings().turnTicks();
        return t == 0 ? 0 : turnStartTick + t;
    }

    private static FourState end(FourState s, long red, long yellow, int moves, PlayerId winner, String reason) {
        return new FourState(s.settings(), s.seed(), s.tick(), true, s.players(), red, yellow, s.turn(), 0, moves,
                winner, reason);
    }

    private static FourState withTick(FourState s, long n) {
        return new FourState(s.settings(), s.seed(), n, s.started(), s.players(), s.red(), s.yellow(), s.turn(),
                s.deadline(), s.moves(), s.winner(), s.reason());
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
