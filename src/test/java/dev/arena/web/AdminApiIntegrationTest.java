package dev.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's HTTP API: search and paging, audited actions, export and deletion, bad input. */
class AdminApiIntegrationTest {
    private static final String PASSWORD = "correct-horse-9";
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static String admin;
    private static String adminId;

    @BeforeAll
    static void start() {
        dev.arena.testing.Futures.await(node.arena().identity().createPrivileged("boss", PASSWORD, Role.ADMIN));
        JsonObject login = node.http().post("/auth/login", new JsonObject().put("username", "boss") .put("password", PASSWORD)).json();
        admin = login.getString("token");
        adminId = login.getJsonObject("player").getString("id");
    }

    private static Response send(String method, String path, JsonObject body) {
        return node.http().send(method, path, admin, body, Map.of());
    }

    @Test
    void playersAreFoundByNamePrefixOrIdAndPagedByKeyset() {
        for (String name : new String[] {"pagea_one", "pagea_two", "pagea_three"}) {
            node.register(name, PASSWORD);
        }
        JsonObject first = node.http().get("/admin/players?q=PAGEA_&limit=2", admin).json();
        JsonArray items = first.getJsonArray("items");
        assertThat(items).hasSize(2);
        assertThat(items.getJsonObject(0).getString("username")).isEqualTo("pagea_one");
        JsonObject second = node.http().get("/admin/players?q=pagea_&limit=2&after=" + first.getString("next"), admin)
                .json();
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("username")).isEqualTo("pagea_two");
        assertThat(second.getString("next")).isNull();
        String id = items.getJsonObject(0).getString("id");
        assertThat(node.http().get("/admin/players?q=" + id, admin).json().getJsonArray("items")).hasSize(1);
        // LIKE wildcards in a query match themselves only
        assertThat(node.http().get("/admin/players?q=%25", admin).json().getJsonArray("items")).isEmpty();
    }

    @Test
    void badPagingAndMissingReasonsAreClearProblems() {
        assertThat(node.http().get("/admin/players?limit=0", admin).status()).isEqualTo(422);
        assertThat(node.http().get("/admin/players?limit=101", admin).status()).isEqualTo(422);
        assertThat(node.http().get("/admin/audit?before=x", admin).status()).isEqualTo(422);
        assertThat(node.http().get("/admin/players/not-a-uuid", admin).status()).isEqualTo(422);
        String id = Player.of(node.register("no_reason", PASSWORD)).id();
        Response r = send("PUT", "/admin/players/" + id + "/role", new JsonObject().put("role", "moderator"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("reason");
        assertThat(send("POST", "/admin/jobs/stats/" + UUID.randomUUID() + "/retry",
                new JsonObject().put("reason", "x")).status()).isEqualTo(404);
        assertThat(send("PUT", "/admin/players/" + adminId + "/role",
                new JsonObject().put("role", "player").put("reason", "x")).status()).isEqualTo(409);
    }

    @Test
    void aRoleChangeIsAuditedWithWhoWhatAndWhy() {
        String id = Player.of(node.register("promoted", PASSWORD)).id();
        Response r = send("PUT", "/admin/players/" + id + "/role",
                new JsonObject().put("role", "viewer").put("reason", "joins the ops rota"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("role")).isEqualTo("viewer");
        JsonObject entry = node.http().get("/admin/audit?q=ops+rota", admin).json().getJsonArray("items")
                .getJsonObject(0);
        assertThat(entry.getString("action")).isEqualTo("player.role");
        assertThat(entry.getString("target")).isEqualTo(id);
        assertThat(entry.getString("actor_name")).isEqualTo("boss");
        assertThat(entry.getJsonObject("detail").getString("role")).isEqualTo("viewer");
    }

    @Test
    void anAccountIsExportedThenDeletedWithItsPersonalData() {
        Player p = Player.of(node.register("leaving", PASSWORD));
        JsonObject export = node.http().get("/admin/players/" + p.id() + "/export", admin).json();
        assertThat(export.getJsonObject("account").getString("username")).isEqualTo("leaving");
        assertThat(export.getJsonArray("sessions")).isNotEmpty();

        assertThat(send("DELETE", "/admin/players/" + p.id(), new JsonObject().put("reason", "asked to be forgotten"))
                .status()).isEqualTo(204);
        assertThat(node.http().get("/admin/players/" + p.id(), admin).status()).isEqualTo(404);
        assertThat(node.http().get("/players/me", p.token()).status()).isEqualTo(401);
        assertThat(node.http().get("/admin/audit?q=player.", admin).body()).contains("player.export", "player.delete");
        assertThat(send("DELETE", "/admin/players/" + p.id(), new JsonObject().put("reason", "again")).status())
                .isEqualTo(404);
    }
}
