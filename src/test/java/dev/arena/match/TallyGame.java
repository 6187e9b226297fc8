package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only game, registered through src/test/resources/META-INF/services the way a studio's jar would be:
 * 1–4 players add points; the first to reach the target wins. Joining is allowed while running. The input
 * {@code boom} makes the rules throw, to test how the loop survives a broken game.
 */
public final class TallyGame implements GameFactory<TallyGame.Settings, TallyGame.State, TallyGame.Input> {
    public static final String MODE = "tally";

    public record Settings(int target) {}

    public record Score(PlayerId player, int points) {}

    public record State(Settings settings, long tick, boolean started, List<Score> scores, PlayerId winner) {
        public State {
            scores = List.copyOf(scores);
        }

        State with(List<Score> s, PlayerId w) {
            return new State(settings, tick, started, s, w);
        }
    }

    public sealed interface Input {
        record Add(int points) implements Input {}

        record Boom() implements Input {}
    }

    public record Scored(PlayerId player, int total) implements GameEvent {
        public String type() { return "scored"; }
    }

    public record View(List<Score> scores) implements PublicState {}

    private static final GameInfo INFO = new GameInfo(MODE, 10, new PlayerLimits(1, 4));

    @Override
    public GameInfo info() {
        return INFO;
    }

    @Override
    public Settings settings(Map<String, ?> raw) {
        SettingsReader r = new SettingsReader(raw);
        int target = r.integer("target", 10, 1, 1000);
        r.done();
        return new Settings(target);
    }

    @Override
    public GameRules<Settings, State, Input> rules() {
        return new GameRules<>() {
            public State init(long seed, Settings settings) {
                return new State(settings, 0, false, List.of(), null);
            }

            public JoinDecision canJoin(State s, PlayerId p) {
                return s.winner() == null ? JoinDecision.ACCEPT : JoinDecision.refuse("over", "the tally is over");
            }

            public Step<State> join(State s, PlayerId p) {
                List<Score> scores = new ArrayList<>(s.scores());
                scores.add(new Score(p, 0));
                return Step.of(s.with(scores, s.winner()));
            }

            public Step<State> start(State s, long tick) {
                return Step.of(new State(s.settings(), tick - 1, true, s.scores(), null));
            }

            public Step<State> leave(State s, PlayerId p) {
                return Step.of(s.with(s.scores().stream().filter(x -> !x.player().equals(p)).toList(), s.winner()));
            }

            public InputResult<State> input(State s, PlayerId p, Input input) {
                int i = indexOf(s, p);
                if (i < 0) {
                    return InputResult.reject("not_participant", "not playing");
                }
                return switch (input) {
                    case Input.Boom b -> throw new IllegalStateException("boom");
                    case Input.Add a when a.points() < 1 || a.points() > 10 ->
                            InputResult.reject("too_big", "1-10 points at a time");
                    case Input.Add a -> {
                        List<Score> scores = new ArrayList<>(s.scores());
                        int total = scores.get(i).points() + a.points();
                        scores.set(i, new Score(p, total));
                        PlayerId w = total >= s.settings().target() ? p : null;
                        yield InputResult.accept(s.with(scores, w), new Scored(p, total));
                    }
                };
            }

            public Step<State> tick(State s, long tick) {
                return Step.of(new State(s.settings(), tick, s.started(), s.scores(), s.winner()));
            }

            public Optional<MatchResult> result(State s) {
                if (s.winner() == null) {
                    return Optional.empty();
                }
                List<Score> order = s.scores().stream().sorted(Comparator.comparingInt(Score::points).reversed())
                        .toList();
                List<MatchResult.Standing> st = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    int place = i > 0 && order.get(i - 1).points() == order.get(i).points() ? st.get(i - 1).place()
                            : i + 1;
                    st.add(new MatchResult.Standing(order.get(i).player(), place, order.get(i).points()));
                }
                return Optional.of(MatchResult.ranked(st, "target"));
            }

            public PublicState view(State s) {
                return new View(s.scores());
            }

            public Input decodeInput(Map<String, ?> raw) {
                RawInput in = new RawInput(raw);
                return switch (in.type()) {
                    case "add" -> new Input.Add(in.integer("points"));
                    case "boom" -> new Input.Boom();
                    default -> throw new MalformedInput("unknown input type");
                };
            }

            public Map<String, Object> encodeInput(Input input) {
                return switch (input) {
                    case Input.Add a -> Map.of("type", "add", "points", a.points());
                    case Input.Boom b -> Map.of("type", "boom");
                };
            }

            private int indexOf(State s, PlayerId p) {
                for (int i = 0; i < s.scores().size(); i++) {
                    if (s.scores().get(i).player().equals(p)) {
                        return i;
                    }
                }
                return -1;
            }
        };
    }
}
