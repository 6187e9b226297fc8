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
 *
 * <p>With a {@code roster} (the default, {@link #ROSTER}), games are played as in a real log: each game has a fixed
 * set of that many players, and games follow one another in time (about {@link #CONCURRENT_SHARE} of them run at
 * any moment), so a stretch of the file touches a few hundred games and their players. With roster 0, every event
 * picks any game and any player at random: the worst case for the rollups (as many game/player rows as events).
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

    public static final int ROSTER = 8;
    static final double CONCURRENT_SHARE = 0.02;

    public record Spec(long events, int players, int games, long seed, double badShare, int roster) {
        public Spec {
            if (events < 0 || players < 1 || games < 1 || badShare < 0 || badShare > 1 || roster < 0) {
                throw new IllegalArgumentException(
                        "events >= 0, players >= 1, games >= 1, 0 <= bad share <= 1, roster >= 0");
            }
        }

        public Spec(long events, int players, int games, long seed, double badShare) {
            this(events, players, games, seed, badShare, ROSTER);
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
                int game;
                int player;
                if (spec.roster() == 0) {
                    game = random.nextInt(spec.games());
                    player = random.nextInt(spec.players());
                } else {
                    game = liveGame(spec, i, random);
                    player = member(game, random.nextInt(spec.roster()), spec.players());
                }
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

    /** One of the games running around event {@code i}: games start one after another through the file. */
    private static int liveGame(Spec spec, long i, SplittableRandom random) {
        int window = Math.max(1, (int) (spec.games() * CONCURRENT_SHARE));
        long center = spec.events() <= 1 ? 0 : i * spec.games() / spec.events();
        long g = center + random.nextInt(2 * window + 1) - window;
        return (int) Math.floorMod(g, (long) spec.games());
    }

    /** The {@code k}-th member of a game's roster: the same players every time the game comes up. */
    private static int member(int game, int k, int players) {
        long h = (game * 0x9E3779B97F4A7C15L) ^ (k * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) players);
    }

    private static String pad(int n) {
        String s = Integer.toString(n);
        return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
    }
}
