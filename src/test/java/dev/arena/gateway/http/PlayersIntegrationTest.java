package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Player;
import dev.arena.identity.Role;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every {@code /players} endpoint on a real node and database. */
class PlayersIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    private static String id(JsonObject auth) {
        return auth.getJsonObject("player").getString("id");
    }

    private static JsonObject ok(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        return r.json();
    }

    @Test
    void aPlayerIsPublic() {
        JsonObject reg = node.register("public-pat", "password-1");
        JsonObject player = ok(node.http().get("/players/" + id(reg)));
        assertThat(player).isEqualTo(reg.getJsonObject("player"));
        assertThat(player.fieldNames())
                .containsExactlyInAnyOrder("id", "username", "display_name", "role", "is_guest", "created_at");
    }

    @Test
    void statsStartEmptyWithTheInitialRating() {
        JsonObject reg = node.register("stats-sam", "password-1");
        JsonObject stats = ok(node.http().get("/players/" + id(reg) + "/stats"));
        assertThat(stats.getString("player_id")).isEqualTo(id(reg));
        assertThat(stats.getInteger("games_played")).isZero();
        assertThat(stats.getInteger("wins")).isZero();
        assertThat(stats.getInteger("losses")).isZero();
        assertThat(stats.getInteger("draws")).isZero();
        assertThat(stats.getDouble("rating")).isEqualTo(1500.0);
        assertThat(stats.getInteger("level")).isEqualTo(1);
    }

    @Test
    void theProfileIsCompleteAndHonestAboutWhatDoesNotExistYet() {
        JsonObject reg = node.register("profile-pia", "password-1");
        JsonObject profile = ok(node.http().get("/players/" + id(reg) + "/profile"));
        assertThat(profile.getJsonObject("player")).isEqualTo(reg.getJsonObject("player"));
        assertThat(profile.getJsonObject("stats")).isEqualTo(ok(node.http().get("/players/" + id(reg) + "/stats")));
        assertThat(profile.getJsonArray("recent_games")).isEqualTo(new JsonArray());
        assertThat(profile.containsKey("rank")).as("rank is present, as null").isTrue();
        assertThat(profile.getValue("rank")).isNull();
        assertThat(profile.getBoolean("profile_complete")).isTrue();
    }

    @Test
    void anUnknownPlayerIsANotFoundProblemOnEveryReadRoute() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/players/" + unknown, "/players/" + unknown + "/stats",
                "/players/" + unknown + "/profile")) {
            Response r = node.http().get(path);
            assertThat(r.status()).as("%s: %s", path, r).isEqualTo(404);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            JsonObject p = r.json();
            assertThat(p.getString("type")).isEqualTo("urn:arena:problem:not-found");
            assertThat(p.getString("title")).isEqualTo("Not Found");
            assertThat(p.getInteger("status")).isEqualTo(404);
            assertThat(p.getString("detail")).isEqualTo("no player with id " + unknown);
            assertThat(p.getString("instance")).isEqualTo(path);
        }
    }

    @Test
    void anIdThatIsNotAUuidIsAValidationProblem() {
        for (String path : List.of("/players/42", "/players/not-a-uuid/stats",
                "/players/" + UUID.randomUUID().toString().replace('-', 'x') + "/profile")) {
            Response r = node.http().get(path);
            assertThat(r.status()).as("%s: %s", path, r).isEqualTo(422);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().getString("type")).isEqualTo("urn:arena:problem:validation-failed");
            assertThat(r.json().getJsonArray("errors"))
                    .isEqualTo(new JsonArray().add(new JsonObject().put("field", "id").put("message", "must be a UUID")));
        }
    }

    @Test
    void meIsTheTokensPlayerAndCanBeRenamed() {
        JsonObject reg = node.register("renamer", "password-1");
        String token = reg.getString("token");
        assertThat(ok(node.http().get("/players/me", token))).isEqualTo(reg.getJsonObject("player"));

        JsonObject renamed = ok(node.http().patch("/players/me", new JsonObject().put("display_name", "  Ré Namer 🎮 "), token));
        assertThat(renamed.getString("display_name")).isEqualTo("Ré Namer 🎮");
        assertThat(renamed.getString("username")).isEqualTo("renamer");
        assertThat(ok(node.http().get("/players/" + id(reg))).getString("display_name")).isEqualTo("Ré Namer 🎮");
        assertThat(ok(node.http().get("/players/me", token)).getString("display_name")).isEqualTo("Ré Namer 🎮");
    }

    @Test
    void meNeedsAToken() {
        assertThat(node.http().get("/players/me").status()).isEqualTo(401);
        assertThat(node.http().patch("/players/me", new JsonObject().put("display_name", "x"), null).status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminSetsRoles() throws Exception {
        JsonObject target = node.register("promoted", "password-1");
        JsonObject player = node.register("plain-player", "password-1");
        JsonObject moderator = node.register("moderating", "password-1");
        Player admin = node.arena().identity().createPrivileged("root-admin", "admin-password", Role.ADMIN)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        Response login = node.http().post("/auth/login",
                new JsonObject().put("username", "root-admin").put("password", "admin-password"));
        String adminToken = ok(login).getString("token");
        JsonObject toModerator = new JsonObject().put("role", "moderator");

        Response unauthenticated = node.http().put("/players/" + id(target) + "/role", toModerator, null);
        assertThat(unauthenticated.status()).as("%s", unauthenticated).isEqualTo(401);
        Response byPlayer = node.http().put("/players/" + id(target) + "/role", toModerator, player.getString("token"));
        assertThat(byPlayer.status()).as("%s", byPlayer).isEqualTo(403);
        assertThat(byPlayer.contentType()).isEqualTo("application/problem+json");
        assertThat(byPlayer.json().getString("type")).isEqualTo("urn:arena:problem:forbidden");
        assertThat(ok(node.http().get("/players/" + id(target))).getString("role")).isEqualTo("player");

        JsonObject promoted = ok(node.http().put("/players/" + id(moderator) + "/role", toModerator, adminToken));
        assertThat(promoted.getString("role")).isEqualTo("moderator");
        Response byModerator = node.http().put("/players/" + id(target) + "/role", toModerator, moderator.getString("token"));
        assertThat(byModerator.status()).as("a moderator is not an admin: %s", byModerator).isEqualTo(403);

        JsonObject done = ok(node.http().put("/players/" + id(target) + "/role", new JsonObject().put("role", "admin"), adminToken));
        assertThat(done.getString("role")).isEqualTo("admin");
        assertThat(ok(node.http().get("/players/" + id(target))).getString("role")).isEqualTo("admin");
        // the role is read per request, so the promoted player's existing token now carries it
        Response byNewAdmin = node.http().put("/players/" + id(player) + "/role", toModerator, target.getString("token"));
        assertThat(byNewAdmin.status()).as("%s", byNewAdmin).isEqualTo(200);

        Response unknown = node.http().put("/players/" + UUID.randomUUID() + "/role", toModerator, adminToken);
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
    }

    @Test
    void createPrivilegedRaisesAnExistingAccount() throws Exception {
        JsonObject reg = node.register("raised", "password-1");
        Player raised = node.arena().identity().createPrivileged("RAISED", "ignored-password", Role.MODERATOR)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(raised.id().toString()).isEqualTo(id(reg));
        assertThat(raised.role()).isEqualTo(Role.MODERATOR);
        assertThat(node.http().post("/auth/login", new JsonObject().put("username", "raised").put("password", "password-1"))
                .status()).as("the existing password is kept").isEqualTo(200);
    }

    private static String named(String username, String displayName) {
        JsonObject reg = node.register(username, "password-1");
        String token = reg.getString("token");
        ok(node.http().patch("/players/me", new JsonObject().put("display_name", displayName), token));
        return token;
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("display_name")).toList();
    }

    @Test
    void searchFindsPlayersByTheStartOfTheirNameInAnyCaseOnePageAtATime() {
        String token = named("finder-1", "Zed Finder");
        named("zork-a", "ZORKA");
        named("zork-b", "zorkb");
        named("zork-c", "Zorkc the Third");
        named("zork-not", "Xzork");

        JsonObject first = ok(node.http().get("/players?name=zOrK&limit=2", token));
        assertThat(names(first)).containsExactly("ZORKA", "zorkb");
        assertThat(first.getInteger("limit")).isEqualTo(2);
        assertThat(first.getInteger("next_offset")).isEqualTo(2);
        assertThat(first.getJsonArray("players").getJsonObject(0).fieldNames())
                .containsExactlyInAnyOrder("id", "username", "display_name", "role", "is_guest", "created_at");
        JsonObject last = ok(node.http().get("/players?name=zork&limit=2&offset=2", token));
        assertThat(names(last)).containsExactly("Zorkc the Third");
        assertThat(last.getValue("next_offset")).isNull();
        // LIKE's wildcards are plain letters here
        assertThat(names(ok(node.http().get("/players?name=%25", token)))).isEmpty();
        assertThat(names(ok(node.http().get("/players?name=z_rk", token)))).isEmpty();
        assertThat(names(ok(node.http().get("/players?name=Zorkc%20the", token)))).containsExactly("Zorkc the Third");
    }

    @Test
    void searchRefusesBadInputInWordsAndVisitors() {
        String token = named("searcher-bad", "Searcher");
        assertThat(node.http().get("/players?name=a").status()).isEqualTo(401);
        for (String query : List.of("", "?name=", "?name=%20%20", "?name=" + "a".repeat(33), "?name=a%01",
                "?name=a&limit=0", "?name=a&limit=51", "?name=a&offset=-1", "?name=a&limit=x", "?name=a&color=red",
                "?name=a&name=b")) {
            Response r = node.http().get("/players" + query, token);
            assertThat(r.status()).as("%s: %s", query, r).isEqualTo(422);
            assertThat(r.json().getJsonArray("errors")).as(query).isNotEmpty();
        }
    }

    /** The migration's index serves the search: a range of the index, never a scan of every player. */
    @Test
    void searchIsAnIndexRangeScan() throws Exception {
        var db = node.arena().config().database().url().orElseThrow();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rs = st.executeQuery("""
                    EXPLAIN SELECT id FROM players
                    WHERE lower(display_name) COLLATE "C" >= 'zo' AND lower(display_name) COLLATE "C" < 'zp'
                    ORDER BY lower(display_name) COLLATE "C", id LIMIT 11""")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("Index Cond").contains("players_name_prefix")
                    .doesNotContain("Seq Scan");
        }
    }
}
