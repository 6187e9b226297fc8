package dev.arena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.gateway.AccessWorld.Call;
import dev.arena.gateway.AccessWorld.Who;
import dev.arena.gateway.ws.ClientMessageTypes;
import dev.arena.logs.LogFixtures;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, item 3: who may do what, every HTTP route (from the node's own {@code /openapi.json}) and every socket
 * message (from the sealed client-message family) against every kind of caller ({@link Who}), on real resources, so
 * that an allowed cell gets its success and a refused one its 401/403 rather than a 404 or 422 by accident. A route
 * or message without a row fails; the tables are those of docs/SECURITY.md, which must match what this renders.
 */
class AuthorizationMatrixIntegrationTest {
    private static final Path IMPORTS = TestNode.tempDir();
    @RegisterExtension
    static final dev.arena.testing.NodeFixture node = new dev.arena.testing.NodeFixture(Map.of(
            "ARENA_MM_INTERVAL", "1h", "ARENA_LOG_IMPORT_DIR", IMPORTS.toString()));
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern TICKET = Pattern.compile("\"ticket_id\":\"([0-9a-f-]{36})\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static AccessWorld world;

    @BeforeAll
    static void seed() {
        world = new AccessWorld(node, IMPORTS);
    }

    @Test
    void everyRouteOfTheServedDocumentHasARow() {
        JsonObject paths = node.http().get("/openapi.json").json().getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEach(path -> paths.getJsonObject(path).fieldNames().stream()
                .filter(HTTP_METHODS::contains).forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> covered = new TreeSet<>();
        HttpAccessRows.all().forEach(r -> covered.add(r.route()));

        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(documented);
        assertThat(documented).hasSizeGreaterThan(50);
        assertThat(missing).as("routes of /openapi.json without a row in HttpAccessRows").isEmpty();
        assertThat(unknown).as("rows of routes /openapi.json does not have").isEmpty();
    }

    @Test
    void everyHttpCellAnswersAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (HttpAccessRows.Row row : HttpAccessRows.all()) {
            String[] expected = row.statuses();
            assertThat(expected).as("row %s", row.route()).hasSize(Who.values().length);
            for (Who who : Who.values()) {
                String want = expected[who.ordinal()];
                if (want.equals("-")) {
                    continue;
                }
                Call call = row.call().apply(who, world);
                String method = row.route().substring(0, row.route().indexOf(' '));
                Answer got = send(method, call);
                if (!want.equals(Integer.toString(got.status()))) {
                    wrong.add(row.route() + " [" + row.note() + "] as " + who.column() + ": expected " + want
                            + ", got " + got.status() + " " + got.body());
                }
            }
        }
        assertThat(wrong).as("cells that do not answer as the table says").isEmpty();
    }

    @Test
    void everySocketMessageHasARowAndEveryCellAnswersAsTheTableSays() {
        Set<String> covered = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (SocketAccessRows.Row row : SocketAccessRows.all()) {
            String[] expected = row.answers();
            assertThat(expected).as("row %s", row.type()).hasSize(Who.values().length);
            for (Who who : Who.values()) {
                String want = expected[who.ordinal()];
                if (want.equals("-")) {
                    continue;
                }
                String got;
                if (who == Who.ANONYMOUS) {
                    got = Integer.toString(upgrade("/ws", null));
                } else {
                    SocketAccessRows.Probe probe = row.probe().apply(who, world);
                    assertThat(probe.probe().getString("type")).isEqualTo(row.type());
                    covered.add(ClientMessageTypes.of(probe.probe()));
                    got = answer(probe);
                }
                if (!want.equals(got)) {
                    wrong.add(row.type() + " [" + row.note() + "] as " + who.column() + ": expected " + want
                            + ", got " + got);
                }
            }
        }
        assertThat(covered).as("socket messages (ClientMessage) with a row in SocketAccessRows")
                .isEqualTo(ClientMessageTypes.all());
        assertThat(wrong).as("socket cells that do not answer as the table says").isEmpty();
    }

    private record Answer(int status, String body) {}

    private static Answer send(String method, Call call) {
        if (call.path().equals("/ws") || call.path().endsWith("/live") || call.path().endsWith("/updates")
                || call.path().equals("/chat/general")) {
            return new Answer(upgrade(call.path(), call.token()), "");
        }
        URI uri = URI.create("http://127.0.0.1:" + node.arena().port() + call.path());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (call.path().equals("/logs/ingest")) {
            byte[] lines = LogFixtures.generate(20, 2, 1, UUID.randomUUID().getMostSignificantBits(), 0);
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(lines))
                    .header("Content-Type", "application/x-ndjson");
        } else if (call.body() != null) {
            b.method(method, HttpRequest.BodyPublishers.ofString(call.body().toString()))
                    .header("Content-Type", "application/json");
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (call.token() != null) {
            b.header("Authorization", "Bearer " + call.token());
        }
        try {
            // a stream (the dashboard's) never ends: the status is the answer, then the body is cut short
            HttpResponse<InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = r.body()) {
                body = r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
            }
            cleanUp(method, call, r.statusCode(), body);
            return new Answer(r.statusCode(), body);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(0, "no answer in 10 s");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A ticket or party made by a cell is undone, so the account can make the next one. */
    private static void cleanUp(String method, Call call, int status, String body) {
        if (!method.equals("POST") || status != 201) {
            return;
        }
        if (call.path().equals("/matchmaking/tickets")) {
            Matcher m = TICKET.matcher(body);
            assertThat(m.find()).as("a ticket id in %s", body).isTrue();
            node.http().send("DELETE", "/matchmaking/tickets/" + m.group(1), call.token(), null, Map.of());
        } else if (call.path().equals("/parties")) {
            String id = new JsonObject(body).getString("party_id");
            node.http().post("/parties/" + id + "/leave", null, call.token());
        }
    }

    /** The status of a socket upgrade: 101 when it opened (then closed), else the refusal's. */
    private static int upgrade(String path, String token) {
        var client = node.vertx().createWebSocketClient();
        try {
            var ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.arena().port())
                    .setURI(token == null ? path : path + "?token=" + token))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ws.close();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException r) {
                return r.getStatus();
            }
            throw new AssertionError(path, e);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        } finally {
            client.close();
        }
    }

    /** Sends the set-up frames, then the probe; {@code ok} or the code of the {@code error} answering it. */
    private static String answer(SocketAccessRows.Probe p) {
        try (WsClient c = node.socket(p.actor().player())) {
            int n = 0;
            for (JsonObject frame : p.setup()) {
                String rid = "setup-" + n++;
                c.send(frame.copy().put("rid", rid));
                JsonObject reply = c.await(o -> rid.equals(o.getValue("rid")), rid);
                assertThat(reply.getString("type")).as("set-up %s: %s", frame, reply).isNotEqualTo("error");
            }
            c.send(p.probe().copy().put("rid", "probe"));
            if (!p.replies()) {
                c.send(SocketAccessRows.msg("ping", "rid", "fence"));
            }
            JsonObject reply = c.await(o -> "probe".equals(o.getValue("rid")) || "fence".equals(o.getValue("rid")),
                    "the answer to " + p.probe());
            if ("mm.ticket".equals(reply.getString("type"))) {
                Matcher m = TICKET.matcher(reply.encode());
                if (m.find()) {
                    node.http().send("DELETE", "/matchmaking/tickets/" + m.group(1), p.actor().token(), null,
                            Map.of());
                }
            }
            return "error".equals(reply.getString("type")) ? reply.getString("code") : "ok";
        }
    }
}
