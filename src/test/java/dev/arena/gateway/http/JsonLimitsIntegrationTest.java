package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.arena.common.JsonText;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14: JSON that is too deep, has absurd numbers or strings, or holds what PostgreSQL cannot store, is refused
 * with a 4xx problem over HTTP and an error frame over the socket; nothing overflows the stack, nothing is a 500,
 * and no stack trace reaches the log.
 */
class JsonLimitsIntegrationTest {
    private static TestNode node;
    private static Vertx vertx;
    private static Player player;
    private ListAppender<ILoggingEvent> captured;

    @BeforeAll
    static void start() {
        // a body limit above the string limit, so that the string limit is what refuses a long string
        node = TestNode.start(JsonLimitsIntegrationTest.class, Map.of("ARENA_BODY_LIMIT", "4MiB"));
        vertx = Vertx.vertx();
        player = Player.of(node.register("json-limits", "password-1"));
    }

    @AfterAll
    static void stop() {
        vertx.close();
        node.close();
    }

    @BeforeEach
    void captureLogs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void noStackTraceWasLogged() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        List<ILoggingEvent> events;
        synchronized (captured) { // a node thread may be inside AppenderBase.doAppend, which appends under this lock
            events = List.copyOf(captured.list);
        }
        assertThat(events).as("log events with a stack trace or at error level")
                .noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    private static Response patchMe(String rawBody) {
        return node.http().patch("/players/me", rawBody, player.token());
    }

    private static String badRequest(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().getString("detail");
    }

    private static String invalidField(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        return error.getString("field") + ": " + error.getString("message");
    }

    @Test
    void aHundredThousandDeepArrayIsABadRequest() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(badRequest(patchMe(deep))).contains("nested deeper than 64 levels");
        assertThat(badRequest(patchMe("{\"display_name\":" + deep + "}"))).contains("nested deeper than 64 levels");
        assertThat(badRequest(node.http().post("/auth/login", "{\"a\":".repeat(100_000))))
                .contains("nested deeper than 64 levels");
    }

    @Test
    void anAbsurdlyLongNumberIsABadRequest() {
        Response r = node.http().post("/games/create", "{\"mode\":\"arena_battle\",\"max_players\":"
                + "9".repeat(200_000) + "}", player.token());
        assertThat(badRequest(r)).contains("a number longer than 100 characters");
    }

    @Test
    void aStringAboveTheLimitIsABadRequest() {
        String name = "x".repeat(dev.arena.common.Json.MAX_STRING_LENGTH + 10);
        assertThat(badRequest(patchMe("{\"display_name\":\"" + name + "\"}")))
                .contains("a string longer than " + dev.arena.common.Json.MAX_STRING_LENGTH + " characters");
    }

    @Test
    void aLoneSurrogateOrAnInfiniteNumberIs422NamingTheField() {
        assertThat(invalidField(patchMe("{\"display_name\":\"a\\ud800b\"}")))
                .isEqualTo("display_name: " + JsonText.SURROGATE);
        assertThat(invalidField(node.http().post("/games/create",
                "{\"mode\":\"relay\",\"settings\":{\"limit\":1e400}}", player.token())))
                .isEqualTo("settings.limit: " + JsonText.HUGE_NUMBER);
        Response fine = patchMe("{\"display_name\":\"pair \\ud83c\\udfae\"}");
        assertThat(fine.status()).as("%s", fine).isEqualTo(200);
        assertThat(fine.json().getString("display_name")).isEqualTo("pair 🎮");
    }

    @Test
    void theSocketRefusesTheSameFramesWithAnErrorAndStaysOpen() {
        try (WsClient c = WsClient.gateway(vertx, node.arena().port(), player.token())) {
            c.welcome();
            // 8,000 levels fit in one frame below ARENA_WS_MAX_MESSAGE (16 KiB)
            c.sendText("{\"type\":\"room.send\",\"room\":\"r\",\"data\":" + "[".repeat(8_000) + "]".repeat(8_000) + "}");
            JsonObject deep = c.await("error");
            assertThat(deep.getString("code")).isEqualTo("bad_json");
            assertThat(deep.getString("message")).contains("nested deeper than 64 levels");

            c.sendText("{\"type\":\"match.input\",\"game_id\":\"" + UUID.randomUUID() + "\",\"input\":{\"n\":"
                    + "1".repeat(10_000) + "}}");
            assertThat(c.await("error").getString("message")).contains("a number longer than 100 characters");

            c.sendText("{\"type\":\"chat.send\",\"room\":\"chat:general\",\"rid\":\"s1\",\"text\":\"hi \\udfff\"}");
            JsonObject surrogate = c.await("error");
            assertThat(surrogate.getString("code")).isEqualTo("bad_message");
            assertThat(surrogate.getString("message")).isEqualTo("text: " + JsonText.SURROGATE);

            c.sendText("{\"type\":\"match.input\",\"game_id\":\"" + UUID.randomUUID()
                    + "\",\"rid\":\"i1\",\"input\":{\"x\":1e999}}");
            assertThat(c.await("error").getString("message")).isEqualTo("input.x: " + JsonText.HUGE_NUMBER);

            c.send(WsClient.msg("ping", "rid", "still-open"));
            assertThat(c.await("pong").getString("rid")).isEqualTo("still-open");
        }
    }
}
