package dev.arena.gateway.http;

import dev.arena.chat.ChatModeration;
import dev.arena.chat.ChatService;
import dev.arena.config.ArenaConfig;
import dev.arena.console.Audit;
import dev.arena.console.ConsoleStore;
import dev.arena.gateway.ws.GatewaySockets;
import dev.arena.gateway.ws.Realtime;
import dev.arena.identity.IdentityService;
import dev.arena.lobby.ClusterLobby;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchCommands;
import dev.arena.logs.Logs;
import dev.arena.match.HostedMatches;
import dev.arena.leaderboard.Leaderboards;
import dev.arena.results.ResultStore;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.metrics.DashboardFeed;
import dev.arena.metrics.Metrics;
import dev.arena.metrics.PlayerStatistics;
import dev.arena.player.PlayerService;
import dev.arena.tournament.TournamentService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP router: cross-cutting handlers first, then each API, then the problem mapping. */
public final class ApiRouter {
    private static final Logger access = LoggerFactory.getLogger("arena.access");

    /** What the HTTP edge needs from the rest of the node. */
    public record Services(ArenaConfig config, IdentityService identity, PlayerService players, Metrics metrics,
                           Supplier<Future<Void>> readiness, Realtime realtime, Chat chat, HostedMatches matches,
                           Play play, ResultStore results, Leaderboards leaderboards, Matchmaking matchmaking,
                           TournamentService tournaments, Console console, Logs logs) {
        /** Every node serves the console and tournaments: no part is absent (null). */
        public Services {
            Objects.requireNonNull(tournaments, "tournaments");
            Objects.requireNonNull(console, "console");
        }
    }

    /** Chat: posting and history, and moderation. */
    public record Chat(ChatService service, ChatModeration moderation) {}

    /** Playing: the commands on any node's games, the lobby over this node's games and its list over every node's. */
    public record Play(MatchCommands commands, Lobby lobby, ClusterLobby lobbies) {}

    /** The admin console (docs/CONSOLE.md): the live dashboard, statistics, console records and the audit trail. */
    public record Console(DashboardFeed dashboard, PlayerStatistics statistics, ConsoleStore store, Audit audit) {
        /** The audit is wired once here, for the console's routes and the tournament routes alike. */
        public Console {
            Objects.requireNonNull(dashboard, "dashboard");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(audit, "audit");
        }
    }

    private ApiRouter() {}

    /** The router with real-time sockets owned by the calling context (an HTTP server instance). */
    public static Router build(Vertx vertx, Services s) {
        return build(vertx, s, s.realtime() == null ? null
                : new GatewaySockets(s.realtime(), vertx, vertx.getOrCreateContext(),
                        s.config().http().idleTimeout()));
    }

    public static Router build(Vertx vertx, Services s, GatewaySockets sockets) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            long start = System.nanoTime();
            ctx.addEndHandler(v -> {
                if (access.isDebugEnabled()) {
                    access.debug("{} {} {} {}us", ctx.request().method(), ctx.request().path(),
                            ctx.response().getStatusCode(), (System.nanoTime() - start) / 1000);
                }
            });
            ctx.next();
        });
        if (!s.config().http().corsOrigins().isEmpty()) {
            CorsHandler cors = CorsHandler.create()
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                            HttpMethod.DELETE, HttpMethod.OPTIONS))
                    .allowedHeaders(Set.of("Authorization", "Content-Type"))
                    .maxAgeSeconds(600);
            for (String origin : s.config().http().corsOrigins()) {
                if (origin.equals("*")) {
                    cors.addOriginWithRegex(".*");
                } else {
                    cors.addOrigin(origin);
                }
            }
            router.route().handler(cors);
        }
        if (sockets != null) {
            sockets.mount(router); // before the body handler: an upgrade request has no body to read
        }
        Authenticator auth = new Authenticator(s.identity());
        LogsApi logs = s.logs() == null ? null : new LogsApi(s.logs());
        if (logs != null) {
            logs.mountStreaming(router, auth); // before the body handler: a log upload is read as a stream
        }
        router.route().handler(BodyHandler.create(false).setBodyLimit(s.config().http().bodyLimitBytes()));

        new AuthApi(s.identity(), s.config().http().trustProxy()).mount(router, auth);
        new PlayerApi(s.players()).mount(router, auth);
        new OpsApi(s.metrics(), s.readiness()).mount(router);
        new WebPages(vertx).mount(router);
        Console c = s.console();
        new DashboardApi(c.dashboard(), c.statistics(), s.config().http().dashboardPublic(), s.identity())
                .mount(router, auth);
        new AdminApi(c.store(), s.players(), s.chat().moderation(), c.audit(), s.identity()).mount(router, auth);
        new AdminOpsApi(s.play().commands(), s.matchmaking(), c.store(), c.dashboard(), c.audit())
                .mount(router, auth);
        new ChatApi(s.chat().service(), s.chat().moderation()).mount(router, auth);
        new MatchesApi(s.matches(), s.play().commands(), s.results()).mount(router, auth);
        new LeaderboardApi(s.leaderboards(), s.matches().registry().games()).mount(router, auth);
        new JobsApi(s.results()).mount(router, auth);
        new LobbyApi(s.play().lobby(), s.play().lobbies(), s.play().commands()).mount(router, auth);
        new MatchmakingApi(s.matchmaking(), s.players()).mount(router, auth);
        new TournamentApi(s.tournaments(), c.audit()).mount(router, auth);
        if (logs != null) {
            logs.mount(router, auth);
            new AnalyticsApi(s.logs().queries(), s.logs().clock()).mount(router, auth);
        }

        router.route().failureHandler(Problems::handle);
        router.errorHandler(404, Problems::handle);
        router.errorHandler(405, Problems::handle);
        router.errorHandler(500, Problems::handle);
        return router;
    }
}
