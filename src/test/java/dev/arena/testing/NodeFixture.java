package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.app.ArenaNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real node for a whole test class (on a fresh database named after the class), and a Vert.x instance for
 * its socket clients, with the helpers every such class needs: guest players, authenticated requests, sockets.
 * Register it as {@code @RegisterExtension static final NodeFixture node = new NodeFixture();}.
 */
public final class NodeFixture implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> overrides;
    private TestNode node;
    private Vertx vertx;

    public NodeFixture() {
        this(Map.of());
    }

    /** With some ARENA_* keys overridden (e.g. a matcher that only steps when the test says so). */
    public NodeFixture(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node = TestNode.start(context.getRequiredTestClass(), overrides);
        vertx = Vertx.vertx();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vertx != null) {
            vertx.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** The node itself, for helpers written against {@link TestNode} (drivers, browsers). */
    public TestNode testNode() {
        return node;
    }

    public ArenaNode arena() {
        return node.arena();
    }

    public Http http() {
        return node.http();
    }

    public MutableClock clock() {
        return node.clock();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** A new guest player. */
    public Player player() {
        return Player.of(Futures.await(node.arena().identity().guest("device-" + UUID.randomUUID())));
    }

    /** Registers a player and returns the 201 body ({@code player}, {@code token}, {@code refresh_token}, ...). */
    public JsonObject register(String username, String password) {
        return node.register(username, password);
    }

    public Response post(String path, Object body, Player p) {
        return node.http().post(path, body, p.token());
    }

    /** The player's gateway socket. */
    public WsClient socket(Player p) {
        return WsClient.gateway(vertx, node.arena().port(), p.token());
    }

    /** The fields a 422 problem names. */
    public static List<String> fields(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        return r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }
}
