package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Nothing secret reaches the log, even at debug level: not a password (accepted or refused), not an access or
 * refresh token (in a header, a body or a socket URL), not the token-signing secret.
 */
class NoSecretsInLogsIntegrationTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final String WRONG = "wrong-horse-battery";

    @Test
    void passwordsTokensAndTheSigningSecretNeverAppearInTheLog() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        Vertx client = Vertx.vertx();
        try (TestNode node = TestNode.start(NoSecretsInLogsIntegrationTest.class, Map.of("ARENA_LOG_LEVEL", "debug"))) {
            JsonObject registered = node.register("secretive", PASSWORD);
            String token = registered.getString("token");
            String refresh = registered.getString("refresh_token");
            node.http().post("/auth/login", new JsonObject().put("username", "secretive").put("password", WRONG));
            node.http().post("/auth/login", new JsonObject().put("username", "secretive").put("password", PASSWORD));
            node.http().post("/auth/refresh", new JsonObject().put("refresh_token", refresh));
            node.http().get("/players/me", token);
            node.http().get("/players/me", token + "tampered");
            try (WsClient ws = WsClient.gateway(client, node.http().base().getPort(), token)) {
                ws.welcome();
            }
            node.http().post("/auth/logout", null, token);

            List<ILoggingEvent> events;
            synchronized (captured) { // the node's threads still log: AppenderBase.doAppend appends under this lock
                events = List.copyOf(captured.list);
            }
            List<String> lines = events.stream().map(e -> e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
            assertThat(lines).as("the run logged something (else this proves nothing)").isNotEmpty();
            for (String secret : List.of(PASSWORD, WRONG, token, refresh, TestNode.TOKEN_SECRET,
                    token.substring(token.lastIndexOf('.') + 1))) {
                assertThat(lines).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
            client.close();
        }
    }
}
