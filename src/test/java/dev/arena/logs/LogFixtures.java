package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/** Test helpers for game logs: files, expected sums computed without Arena's parser, uploads. */
public final class LogFixtures {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LogFixtures() {}

    public static byte[] generate(long events, int players, int games, long seed, double badShare) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LogGenerator.write(new LogGenerator.Spec(events, players, games, seed, badShare), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The sums a file should produce, computed with Vert.x's JSON (not Arena's parser): per player and type
     * (events, value) and per game (events); lines that do not hold a complete event are skipped, whatever is wrong.
     */
    public record Expected(Map<String, double[]> playerTypes, Map<String, Long> games, long events) {
        public static Expected of(byte[] file) {
            Map<String, double[]> pt = new TreeMap<>();
            Map<String, Long> games = new TreeMap<>();
            long events = 0;
            for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
                JsonObject o;
                try {
                    o = new JsonObject(line);
                    java.time.Instant.parse(o.getString("ts"));
                    if (o.getString("game_id") == null || o.getString("mode") == null
                            || o.getString("player_id") == null || !o.getString("type").matches("[a-z_]+")
                            || (o.containsKey("value") && !(o.getValue("value") instanceof Number))) {
                        continue;
                    }
                } catch (RuntimeException e) {
                    continue;
                }
                double value = o.containsKey("value") ? o.getDouble("value") : 1;
                double[] s = pt.computeIfAbsent(o.getString("player_id") + "/" + o.getString("type"), k -> new double[2]);
                s[0]++;
                s[1] += value;
                games.merge(o.getString("game_id"), 1L, Long::sum);
                events++;
            }
            return new Expected(pt, games, events);
        }
    }

    /** Checks every player's and game's analytics against the expected sums. */
    public static void assertAnalytics(TestNode node, String token, Expected expected) {
        Map<String, Map<String, double[]>> byPlayer = new HashMap<>();
        expected.playerTypes().forEach((k, v) -> byPlayer.computeIfAbsent(k.substring(0, k.indexOf('/')),
                p -> new TreeMap<>()).put(k.substring(k.indexOf('/') + 1), v));
        byPlayer.forEach((player, types) -> {
            JsonObject a = node.http().get("/analytics/players/" + player, token).json();
            Map<String, double[]> actual = new TreeMap<>();
            a.getJsonArray("types").forEach(t -> {
                JsonObject row = (JsonObject) t;
                actual.put(row.getString("type"), new double[] {row.getLong("events"), row.getDouble("value_sum")});
            });
            assertThat(actual).as("player %s", player).usingRecursiveComparison().isEqualTo(types);
        });
        expected.games().forEach((game, events) -> assertThat(node.http().get("/analytics/games/" + game, token).json()
                .getLong("events")).as("game %s", game).isEqualTo(events));
    }

    /** An account with the ingest role, signed in. */
    public static String ingestToken(TestNode node, Role role) {
        String name = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            node.arena().identity().createPrivileged(name, "ingest-password", role).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return node.http().post("/auth/login", new JsonObject().put("username", name).put("password", "ingest-password"))
                .json().getString("token");
    }

    /** POST /logs/ingest with the body as it is. */
    public static Response upload(TestNode node, String token, String query, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.arena().port()
                        + "/logs/ingest" + query)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/x-ndjson");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Starts an upload on a raw socket that announces all of {@code body} but sends only {@code sent} bytes of it;
     * the caller closes the socket to cut the connection.
     */
    public static Socket partialUpload(TestNode node, String token, String key, byte[] body, int sent) {
        try {
            Socket s = new Socket("127.0.0.1", node.arena().port());
            OutputStream out = s.getOutputStream();
            String head = "POST /logs/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Authorization: Bearer " + token + "\r\nIdempotency-Key: " + key + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job of an idempotency key, or null. */
    /**
     * The key's job after the node's clock moved a second: an upload that stalls leaves its open commit group to the
     * timer, which commits it once it is older than ARENA_LOG_COMMIT_INTERVAL (1 s) by that clock.
     */
    public static JsonObject jobOfStalled(TestNode node, String token, String key) {
        node.clock().advance(java.time.Duration.ofSeconds(1));
        return jobOf(node, token, key);
    }

    public static JsonObject jobOf(TestNode node, String token, String key) {
        var jobs = node.http().get("/logs/jobs?idempotency_key=" + key, token).json().getJsonArray("jobs");
        return jobs.isEmpty() ? null : jobs.getJsonObject(0);
    }
}
