package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.testing.MutableClock;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arena admin} against a real database, checked through a node on the same database. */
class AdminCommandIntegrationTest {
    private static DatabaseUrl db;
    private static TestNode node;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh(AdminCommandIntegrationTest.class);
        node = TestNode.start(Map.of("ARENA_DATABASE_URL", TestDatabases.asUrl(db),
                "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET), new MutableClock());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private int admin(String password, String... args) throws IOException {
        Path file = dir.resolve("password");
        Files.writeString(file, password + "\n");
        List<String> all = new ArrayList<>(List.of("admin", "--password-file", file.toString(), "--database-url",
                TestDatabases.asUrl(db), "--data-dir", dir.resolve("data").toString(), "--host", "127.0.0.1"));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private String login(String username, String password) {
        var r = node.http().post("/auth/login", new JsonObject().put("username", username).put("password", password));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().getString("token");
    }

    @Test
    void createsAnAdminWhoCanSetRoles() throws IOException {
        assertThat(admin("chief-password", "--username", "chief")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("admin chief (id ").contains("is ready");

        String token = login("chief", "chief-password");
        JsonObject me = node.http().get("/players/me", token).json();
        assertThat(me.getString("role")).isEqualTo("admin");
        String target = node.register("someone", "password-1").getJsonObject("player").getString("id");
        var r = node.http().put("/players/" + target + "/role", new JsonObject().put("role", "moderator"), token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    @Test
    void raisesAnExistingAccountAndKeepsItsPassword() throws IOException {
        node.register("veteran", "old-password");
        assertThat(admin("new-password", "--username", "Veteran", "--role", "moderator")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("moderator veteran");
        String token = login("veteran", "old-password");
        assertThat(node.http().get("/players/me", token).json().getString("role")).isEqualTo("moderator");
    }

    @Test
    void refusesWhatRegistrationWouldRefuse() throws IOException {
        assertThat(admin("short", "--username", "shorty")).isEqualTo(2);
        assertThat(admin("p".repeat(129), "--username", "longpass")).as("login could never accept it").isEqualTo(2);
        assertThat(admin("chief-password", "--username", "no spaces allowed")).isEqualTo(2);
        assertThat(admin("chief-password", "--username", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("password").contains("username");
        var r = node.http().post("/auth/login", new JsonObject().put("username", "x").put("password", "chief-password"));
        assertThat(r.status()).isEqualTo(401);
    }

    /**
     * Issue 14: {@code arena admin} started a whole node listening on all interfaces while it created the account.
     * Given a bind address no interface has, a node could not start; a database-only command does not care.
     */
    @Test
    void adminStartsNoNodeAndListensNowhere() throws IOException {
        Path file = dir.resolve("password");
        Files.writeString(file, "quiet-password\n");
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "admin", "--password-file",
                file.toString(), "--database-url", TestDatabases.asUrl(db), "--data-dir", dir.resolve("data").toString(),
                "--host", "192.0.2.1", "--username", "quiet");
        assertThat(status).as(err.toString()).isZero();
        assertThat(login("quiet", "quiet-password")).isNotEmpty();
        assertThat(dir.resolve("data/token-secret")).as("no node: no token secret generated").doesNotExist();
    }
}
