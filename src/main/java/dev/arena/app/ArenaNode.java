package dev.arena.app;

import static dev.arena.app.Wiring.await;
import static dev.arena.app.Wiring.quietly;

import dev.arena.chat.ChatService;
import dev.arena.cluster.Backplane;
import dev.arena.config.ArenaConfig;
import dev.arena.gateway.http.ApiRouter;
import dev.arena.gateway.http.HttpVerticle;
import dev.arena.gateway.ws.MatchFeed;
import dev.arena.gateway.ws.Realtime;
import dev.arena.identity.IdentityService;
import dev.arena.leaderboard.LeaderboardIndex;
import dev.arena.leaderboard.Leaderboards;
import dev.arena.lobby.LobbyTracker;
import dev.arena.logs.Logs;
import dev.arena.match.GameCatalog;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchListener;
import dev.arena.match.MatchListeners;
import dev.arena.match.MatchMetrics;
import dev.arena.match.MatchRegistry;
import dev.arena.match.VertxTickScheduler;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.metrics.DashboardFeed;
import dev.arena.metrics.Metrics;
import dev.arena.player.PlayerService;
import dev.arena.player.ProfileChanges;
import dev.arena.rating.Glicko2;
import dev.arena.results.ProfileChangingStep;
import dev.arena.results.RatingsStep;
import dev.arena.results.ResultLogStep;
import dev.arena.results.ResultStep;
import dev.arena.results.ResultStore;
import dev.arena.results.StatsStep;
import dev.arena.room.RoomRegistry;
import dev.arena.room.RoomStream;
import dev.arena.storage.local.LocalBackplane;
import dev.arena.storage.postgres.Migrations;
import dev.arena.storage.postgres.PgAccountStore;
import dev.arena.storage.postgres.PgPlayerStore;
import dev.arena.storage.postgres.PgPools;
import dev.arena.storage.postgres.PgRatingStore;
import dev.arena.storage.postgres.PgResultStore;
import dev.arena.storage.postgres.PostgresServer;
import dev.arena.storage.redis.RedisBackplane;
import dev.arena.tournament.TournamentResults;
import dev.arena.tournament.TournamentService;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Arena node: the single place that builds every component in dependency order, starts them, and
 * stops them in reverse. Tests start real nodes through it (on port 0, with a test clock).
 */
public final class ArenaNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArenaNode.class);

    private final ArenaConfig config;
    private final Clock clock;
    private PostgresServer database;
    private Metrics metrics;
    private Vertx vertx;
    private Pool pool;
    /** Stores finished matches: its own few connections, lowered in CPU priority on the embedded database. */
    private Pool resultWrites;
    private IdentityService identity;
    private ChatService chat;
    private ApiRouter.Services httpServices;
    private MatchRegistry registry; // this node's running matches (docs/MATCHES.md)
    private Matchmaking matchmaking;
    private ResultsWiring results; // stores finished matches; then the jobs carry them on
    /** Wraps every result step (tests: failures, kills); identity in production. */
    private final UnaryOperator<ResultStep> stepWrapper;
    /** Wraps the store the recorder writes finished matches to (tests: unstorable results); identity otherwise. */
    private final UnaryOperator<ResultStore> recorderStore;
    private String httpDeployment;
    /** Tournaments (docs/TOURNAMENTS.md): the service, its result step and its periodic sweep. */
    private TournamentWiring tournamentWiring;
    private TournamentService tournaments;
    /** What this node shares with the others: in-process when it runs alone, Redis on a cluster. */
    private Backplane backplane;
    private LogsWiring logStreaming; // game-log streaming (docs/LOGS.md): ingests, retention, imports
    private int port;
    /** The admin console (docs/CONSOLE.md): statistics, the live dashboard's feed, records and audit. */
    private ConsoleWiring console;
    private DashboardFeed dashboard;
    private volatile boolean warming; // the start-up warm-up runs: the node answers, but is not ready yet
    private StartWarmup.Report warmup; // null when none ran

    private ArenaNode(ArenaConfig config, Clock clock, UnaryOperator<ResultStep> stepWrapper,
                      UnaryOperator<ResultStore> recorderStore) {
        this.config = config;
        this.clock = clock;
        this.stepWrapper = stepWrapper;
        this.recorderStore = recorderStore;
    }

    /** Starts a node and blocks until it serves requests (or fails, leaving nothing running). */
    public static ArenaNode start(ArenaConfig config, Clock clock) {
        return start(config, clock, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** For tests: wrappers of every result step (failures, hangs) and of the recorder's store (unstorable results). */
    public static ArenaNode start(ArenaConfig config, Clock clock, UnaryOperator<ResultStep> stepWrapper,
                                  UnaryOperator<ResultStore> recorderStore) {
        ArenaNode node = new ArenaNode(config, clock, stepWrapper, recorderStore);
        try {
            node.startAll();
            return node;
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }

    private void startAll() {
        long t0 = System.nanoTime();
        // 1. storage: the database must exist and be migrated before anything serves.
        database = PostgresServer.start(config);
        var migrated = Migrations.migrate(database.url());
        log.info("database {} at schema version {}", database.url(),
                migrated.targetSchemaVersion == null ? "current" : migrated.targetSchemaVersion);

        // 2. runtime: metrics registry, Vert.x, the pool.
        metrics = new Metrics();
        // One event loop per core (Vert.x defaults to two): a delivery is then more often a call on the same thread
        // than a cross-thread wake-up; a native transport (epoll, io_uring; ARENA_TRANSPORT=auto takes the best
        // this machine runs) halved many-rooms' p99 against NIO. Both measured in docs/BENCHMARKS.md.
        Transport transport = config.http().transport().select();
        vertx = metrics.newVertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()), transport);
        log.info("network transport: {} (ARENA_TRANSPORT={})", transport.name(), config.http().transport().label());
        pool = PgPools.create(vertx, database.url(), config.database().poolSize());

        // 3. domain services.
        PgAccountStore accounts = new PgAccountStore(pool);
        PgPlayerStore playerStore = new PgPlayerStore(pool);
        PgRatingStore ratings = new PgRatingStore(pool);
        resultWrites = PgPools.lowered(vertx, database.url(), config.jobs().resultConnections(),
                database.isEmbedded() ? config.jobs().resultNice() : 0);
        PgResultStore resultStore = new PgResultStore(pool, resultWrites, vertx);
        // the one decision between single node and cluster: with ARENA_REDIS_URL, everything shared goes through Redis
        backplane = await(config.cluster().redisUrl().map(url -> RedisBackplane.connect(vertx,
                        vertx.getOrCreateContext(), url, config.nodeId(), config.ws().resumeBuffer(),
                        config.ws().resumeWindow(), config.cluster().nodeTtl(), clock))
                .orElseGet(() -> LocalBackplane.start(vertx, config.nodeId(), config.ws().resumeBuffer(),
                        config.ws().resumeWindow(), clock)));
        IdentityWiring accountsAndSessions = new IdentityWiring(config, vertx, accounts, backplane, clock);
        identity = accountsAndSessions.identity;
        var revocations = accountsAndSessions.revocations;
        ChatWiring chatting = new ChatWiring(config.chat(), pool, accounts, backplane, revocations, clock);
        chat = chatting.chat;

        // results: the leaderboard index (Redis on a cluster) filled from PostgreSQL (again if Redis loses it), then
        // the durable jobs that carry each stored result into ratings, stats and leaderboards
        LeaderboardIndex index = backplane.leaderboard();
        ProfileChanges profileChanges = await(backplane.profileChanges()); // every node's profile cache hears them
        Leaderboards leaderboards = new Leaderboards(index, ratings, accounts, profileChanges, clock);
        await(leaderboards.rebuild(backplane.leaderboardShared()));
        backplane.onDataLost(leaderboards::refill);
        var players = new PlayerService(accounts, playerStore, ratings, leaderboards, clock, revocations,
                profileChanges);
        console = new ConsoleWiring(pool, clock);
        // the tournament step serves once the tournament service exists (it needs the matches, built below)
        tournamentWiring = new TournamentWiring();
        GameCatalog catalog = GameCatalog.load();
        results = new ResultsWiring(config, database.url(), vertx, resultStore, List.of(new ResultLogStep(),
                new ProfileChangingStep(new RatingsStep(ratings, index, new Glicko2(), clock), profileChanges),
                new ProfileChangingStep(new StatsStep(playerStore, clock), profileChanges),
                tournamentWiring.step, console.step()), stepWrapper, recorderStore, catalog, metrics.registry(), clock);

        // 4. real time: rooms spread over one owning context per event loop; stream and presence from the
        //    backplane, which joins (heartbeat and sweeper on a cluster) once rooms can take its events.
        RoomStream roomStream = backplane.roomStream();
        List<Context> shards = Wiring.shardContexts(vertx, config.eventLoops());
        RoomRegistry rooms = new RoomRegistry(shards, roomStream, backplane.presence(),
                config.ws().roomMaxMembers(), config.ws().roomInbox(), clock);
        await(backplane.join());
        // matches share the rooms' owning contexts: one tick scheduler per context; frames go out through the feed
        MatchFeed matchFeed = new MatchFeed();
        // the lobby watches the matches too (its own context: the first shard's) and feeds the lobby topic
        LobbyTracker lobbyTracker = new LobbyTracker(shards.getFirst(), clock);
        MatchMetrics matchMetrics = new MatchMetrics(metrics.registry())
                .watch(() -> registry == null ? List.of() : registry.all());
        registry = new MatchRegistry(catalog, shards.stream().map(VertxTickScheduler::new).toList(),
                config.match(), MatchListeners.of(MatchListener.withResults(matchFeed, results.recorder),
                        lobbyTracker, matchMetrics));
        // the games over them, their commands (routed to the owner on a cluster), the lobby and the match relay
        MatchesWiring play = new MatchesWiring(registry, matchFeed, lobbyTracker, backplane, config.nodeId(),
                config.cluster().nodeTtl(), results.recorder, vertx);
        HostedMatches matches = play.matches;
        matchmaking = MatchmakingWiring.build(config, clock, backplane, matches, roomStream, ratings, metrics.registry(),
                vertx.getOrCreateContext());
        Realtime realtime = new Realtime(identity, rooms, chat, config.ws(), clock, config.nodeId(), metrics.registry(),
                play.sockets, lobbyTracker, matchmaking);

        // tournaments, then other nodes' requests are answered (they may ask the tournaments)
        tournaments = tournamentWiring.build(config, pool, matches, ratings, roomStream, backplane.nodes(), clock);
        play.answerNodes(tournaments);
        tournamentWiring.start(vertx, config);

        // the dashboard feed: sampled once a second on its own worker, merged across nodes (Redis on a cluster)
        dashboard = console.startDashboard(vertx, config.nodeId(), metrics.registry(), backplane, () -> registry,
                () -> matchmaking, resultStore);

        // game logs: ingests on their own threads over JDBC (COPY), progress into logs:{job} rooms, reads on the pool
        logStreaming = new LogsWiring(config.logs(), database.url(), database.isEmbedded(), pool, vertx, roomStream,
                config.nodeId(), clock);
        Logs logs = logStreaming.logs;

        // 5. the edge, last: nothing is reachable before everything behind it is ready.
        port = config.http().port() == 0 ? Wiring.freePort() : config.http().port();
        httpServices = new ApiRouter.Services(config, identity, players, metrics, this::ready, realtime,
                new ApiRouter.Chat(chat, chatting.moderation), matches,
                new ApiRouter.Play(play.commands, play.lobby, play.lobbies), resultStore, leaderboards, matchmaking,
                tournaments, console.api(players), logs);
        ApiRouter.Services services = httpServices;
        httpDeployment = await(vertx.deployVerticle(
                () -> new HttpVerticle(services, config.http().host(), port, config.http().shutdownTimeout()),
                new DeploymentOptions().setInstances(config.http().instances())));
        matchmaking.start(config.matchmaking().interval());
        log.info("Arena node {} listening on http://{}:{} ({} event loops, started in {} ms)", config.nodeId(),
                config.http().host(), port, config.http().instances(), (System.nanoTime() - t0) / 1_000_000);

        // 6. the warm-up (ARENA_WARMUP; never throws) before the node reports ready: the JIT compiles now
        warming = true;
        warmup = StartWarmup.atStart(config, vertx, identity, rooms, port);
        warming = false;
    }

    /** Ready when the start-up warm-up is over and the database and the backplane (Redis on a cluster) answer. */
    private Future<Void> ready() {
        if (warming) {
            return Future.failedFuture("the start-up warm-up (ARENA_WARMUP) is still running");
        }
        Backplane shared = backplane;
        Future<Void> db = pool.query("SELECT 1").execute().mapEmpty();
        return shared == null ? db : Future.all(db, shared.ready()).mapEmpty();
    }

    public int port() {
        return port;
    }

    /** Tests: what the start-up warm-up did, or null when it was off, skipped or did not finish. */
    StartWarmup.Report warmup() {
        return warmup;
    }

    public ArenaConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    public IdentityService identity() {
        return identity;
    }

    public TournamentService tournaments() {
        return tournaments;
    }

    /** Tests: stops the periodic tournament sweep, so that only the test's own {@code sweep()} calls act. */
    void stopTournamentSweep() {
        tournamentWiring.stopSweep();
    }

    /** The tournament step of the results pipeline. */
    public TournamentResults tournamentResults() {
        return tournamentWiring.step;
    }

    public ChatService chat() {
        return chat;
    }

    public Matchmaking matchmaking() {
        return matchmaking;
    }

    public DashboardFeed dashboard() {
        return dashboard;
    }

    /** What every HTTP server instance builds its router from (the OpenAPI drift test rebuilds one too). */
    public ApiRouter.Services httpServices() {
        return httpServices;
    }

    public boolean embeddedDatabase() {
        return database != null && database.isEmbedded();
    }

    /**
     * Graceful stop, in reverse order: stop accepting and let in-flight requests finish (sockets are closed with
     * 1001 and leave their rooms), then on a cluster remove what presence is left and leave the cluster, then
     * close Redis, the pool, Vert.x, and finally the embedded database (a clean shutdown, so the next start needs
     * no recovery).
     */
    @Override
    public synchronized void close() {
        if (vertx != null) {
            if (tournamentWiring != null) {
                tournamentWiring.stop(); // before the matches stop: their ends must not start new matches here
            }
            if (matchmaking != null) {
                // leases released: another node's matcher takes over at its next step, not after the lease time
                Matchmaking stopping = matchmaking;
                matchmaking = null;
                quietly("stop matchmaking", () -> await(stopping.stop().timeout(5, TimeUnit.SECONDS)));
            }
            if (registry != null) {
                // each match ends (abandoned, "shutdown") at its next tick and sends match.end to its sockets
                MatchRegistry stopping = registry;
                registry = null;
                quietly("stop matches", () -> {
                    List<Future<?>> ended = stopping.all().stream().<Future<?>>map(m -> m.ended()).toList();
                    stopping.stopAll("shutdown");
                    await(Future.join(ended).timeout(5, TimeUnit.SECONDS).otherwiseEmpty());
                });
            }
            if (results != null) {
                ResultsWiring stopping = results;
                results = null;
                stopping.stop();
            }
            if (logStreaming != null) {
                LogsWiring stopping = logStreaming;
                logStreaming = null;
                stopping.stop();
            }
            if (console != null) {
                console.stop(); // ends the dashboard's streams before HTTP stops
                console = null;
            }
            if (httpDeployment != null) {
                quietly("stop HTTP", () -> await(vertx.undeploy(httpDeployment)));
                httpDeployment = null;
            }
            if (backplane != null) {
                Backplane leaving = backplane;
                backplane = null;
                quietly("leave the cluster", () -> await(leaving.leave()));
                quietly("close the backplane", () -> await(leaving.close()));
            }
            if (resultWrites != null) {
                quietly("close the results pool", () -> await(resultWrites.close()));
            }
            if (pool != null) {
                quietly("close pool", () -> await(pool.close()));
            }
            quietly("close Vert.x", () -> await(vertx.close()));
            vertx = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /**
     * Stops as a crashed node would look to the others: heartbeats stop and the Redis connections drop before
     * anything is cleaned up, so the other nodes must notice the silence and remove this node's presence. Then the
     * node shuts down (its own local state only), storing no result of the matches it still ran, as a killed
     * process would not. Tests use it.
     */
    synchronized void crash() {
        if (results != null) {
            results.halt(); // the matches stopped below end unrecorded, as in a killed process
        }
        if (logStreaming != null) {
            logStreaming.halt();
            logStreaming = null;
        }
        if (backplane != null) {
            Backplane dropped = backplane;
            backplane = null;
            dropped.halt();
            quietly("drop the backplane", () -> await(dropped.close()));
        }
        close();
    }
}
