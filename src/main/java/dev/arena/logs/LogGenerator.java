package dev.arena.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic test data (the same arguments give the same bytes): {@code events} lines over {@code games} games
 * and {@code players} players, with timestamps rising over {@link #SPAN_SECONDS} from {@link #START}, so a file
 * touches a few daily partitions. A share of the lines can be made bad in assorted ways.
 */
public final class LogGenerator {
    public static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final long SPAN_SECONDS = 3 * 86_400;
    private static final String[] MODES = {"arena_battle", "connect_four", "relay", "br_squads"};
    private static final String[] TYPES = {"kill", "death", "damage", "item_pickup", "heal", "score"};
    private static final String[] BAD = {
        "{\"ts\":\"2026-12-01T00:00:00Z\",\"game_id\":\"g-1\"", // cut short
        "{\"ts\":\"yesterday\",\"game_id\":\"g-1\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-01T00:00:00Z\",\"game_id\":\"g-1\",\"mode\":\"m\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-01T00:00:00Z\",\"game_id\":\"g-1\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"Kill!\"}",
        "{\"ts\":\"2026-12-01T00:00:00Z\",\"game_id\":\"g-1\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":\"1\"}",
        "not json at all",
    };

    public record Spec(long events, int players, int games, long seed, double badShare) {
        public Spec {
            if (events < 0 || players < 1 || games < 1 || badShare < 0 || badShare > 1) {
                throw new IllegalArgumentException("events >= 0, players >= 1, games >= 1, 0 <= bad share <= 1");
            }
        }
    }

    private LogGenerator() {}

    /** Writes the lines; returns how many of them are bad. */
    public static long write(Spec spec, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(spec.seed());
        StringBuilder line = new StringBuilder(256);
        long bad = 0;
        long startSecond = START.getEpochSecond();
        for (long i = 0; i < spec.events(); i++) {
            line.setLength(0);
            if (spec.badShare() > 0 && random.nextDouble() < spec.badShare()) {
                line.append(BAD[random.nextInt(BAD.length)]);
                bad++;
            } else {
                long millis = spec.events() <= 1 ? 0 : i * (SPAN_SECONDS * 1000) / spec.events();
                int game = random.nextInt(spec.games());
                int player = random.nextInt(spec.players());
                String type = TYPES[random.nextInt(TYPES.length)];
                line.append("{\"ts\":\"").append(Instant.ofEpochSecond(startSecond + millis / 1000, (millis % 1000) * 1_000_000))
                        .append("\",\"game_id\":\"g-").append(pad(game)).append("\",\"mode\":\"")
                        .append(MODES[game % MODES.length]).append("\",\"player_id\":\"p-").append(pad(player))
                        .append("\",\"type\":\"").append(type).append('"');
                if (!type.equals("kill") && !type.equals("death")) {
                    line.append(",\"value\":").append(1 + random.nextInt(100));
                }
                if (type.equals("item_pickup")) {
                    line.append(",\"data\":{\"item\":\"potion-").append(random.nextInt(8)).append("\",\"slot\":")
                            .append(random.nextInt(4)).append('}');
                }
                line.append('}');
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bad;
    }

    private static String pad(int n) {
        String s = Integer.toString(n);
        return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
    }
}
