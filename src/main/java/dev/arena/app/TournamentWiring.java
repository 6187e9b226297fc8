package dev.arena.app;

import static dev.arena.app.Wiring.await;

import dev.arena.cluster.NodeBus;
import dev.arena.config.ArenaConfig;
import dev.arena.match.HostedMatches;
import dev.arena.rating.RatingSource;
import dev.arena.room.RoomStream;
import dev.arena.storage.postgres.PgTournamentStore;
import dev.arena.tournament.RoomTournamentFeed;
import dev.arena.tournament.TournamentResults;
import dev.arena.tournament.TournamentService;
import dev.arena.tournament.TournamentSweeper;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Tournaments (docs/TOURNAMENTS.md): seeded by the stored ratings; results advance brackets through
 * {@link TournamentResults} (a result job step, built before the jobs start and served once the service exists);
 * matches lost with a previous process are replaced first; time-driven work is swept periodically.
 */
final class TournamentWiring {
    /** The tournament step of the results pipeline. */
    final TournamentResults step = new TournamentResults();
    private TournamentService service;
    private TournamentSweeper sweeper;

    /** Builds the service; {@link #start} once other nodes' requests can reach it. */
    TournamentService build(ArenaConfig config, Pool pool, HostedMatches matches, RatingSource ratings,
                            RoomStream rooms, NodeBus nodes, Clock clock) {
        service = new TournamentService(new PgTournamentStore(pool), matches, ratings, new RoomTournamentFeed(rooms, clock),
                clock, config.nodeId(), nodes);
        return service;
    }

    /** Recovers what a previous process left, then serves results and starts the periodic sweep. */
    void start(Vertx vertx, ArenaConfig config) {
        await(service.recover());
        step.serve(service);
        sweeper = new TournamentSweeper(vertx, service, config.tournament().sweepInterval());
    }

    /** Tests: stops the periodic sweep, so that only the test's own {@code sweep()} calls act. */
    synchronized void stopSweep() {
        if (sweeper != null) {
            sweeper.close();
            sweeper = null;
        }
    }

    /** Before the matches stop: their ends must not start new tournament matches here. */
    void stop() {
        stopSweep();
        if (service != null) {
            service.close();
        }
    }
}
