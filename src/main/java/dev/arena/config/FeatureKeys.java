package dev.arena.config;

import static dev.arena.config.ConfigKey.key;
import static dev.arena.config.Parsers.duration;
import static dev.arena.config.Parsers.durationAtLeast;
import static dev.arena.config.Parsers.integer;
import static dev.arena.config.Parsers.oneOf;
import static dev.arena.config.Parsers.optional;

import dev.arena.chat.ProfanityFilter;
import dev.arena.chat.WordList;
import dev.arena.match.MatchConfig;
import dev.arena.matchmaking.QueueConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration keys of the features' sections (chat, result jobs, matchmaking, matches, tournaments, game
 * logs), declared as in {@link ConfigKeys}, which lists them after the node's own and reads them all.
 */
final class FeatureKeys {
    private FeatureKeys() {}

    static final class Chat {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Integer> MAX_LENGTH = key(KEYS, "ARENA_CHAT_MAX_LENGTH", "500",
                "longest chat message in characters (1-10000)", integer(1, 10_000));
        static final ConfigKey<ProfanityFilter.Action> FILTER = key(KEYS, "ARENA_CHAT_FILTER", "mask",
                "what the profanity filter does: mask (replace with *) or reject",
                oneOf("mask", "reject").andThen(s -> ProfanityFilter.Action.valueOf(s.toUpperCase(Locale.ROOT))));
        static final ConfigKey<Optional<Path>> WORDLIST = key(KEYS, "ARENA_CHAT_WORDLIST", "",
                "chat word-list file replacing the built-in list (see docs/CHAT.md)", optional(FeatureKeys::wordList));

        static ChatConfig read(ConfigValues v) {
            return new ChatConfig(v.get(MAX_LENGTH), v.get(FILTER), v.get(WORDLIST));
        }
    }

    static final class Jobs {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Integer> THREADS = key(KEYS, "ARENA_JOB_THREADS", "4",
                "result jobs (ratings, stats, leaderboards) one node runs at once", integer(1, 256));
        static final ConfigKey<Duration> POLL_INTERVAL = key(KEYS, "ARENA_JOB_POLL_INTERVAL", "1s",
                "how often a node looks for due jobs (retries, other nodes' jobs)", jobTime());
        static final ConfigKey<Duration> HEARTBEAT = key(KEYS, "ARENA_JOB_HEARTBEAT", "30s",
                "running jobs' heartbeat; a job silent for 6 heartbeats is run again elsewhere", jobTime());
        static final ConfigKey<Duration> RETRY_FIRST = key(KEYS, "ARENA_JOB_RETRY_FIRST", "1s",
                "wait before retrying a failed job, doubled after each failure", jobTime());
        static final ConfigKey<Duration> RETRY_MAX = key(KEYS, "ARENA_JOB_RETRY_MAX", "5m",
                "longest wait between retries of a failing job", jobTime());
        static final ConfigKey<Duration> TIMEOUT = key(KEYS, "ARENA_JOB_TIMEOUT", "60s",
                "a job running longer than this fails and is retried", jobTime());
        static final ConfigKey<Integer> RESULT_CONNECTIONS = key(KEYS, "ARENA_RESULT_CONNECTIONS", "4",
                "PostgreSQL connections that store finished matches (their own pool, beside ARENA_DB_POOL_SIZE)",
                integer(1, 64));
        static final ConfigKey<Integer> RESULT_NICE = key(KEYS, "ARENA_RESULT_NICE", "10",
                "how many Linux nice values the embedded PostgreSQL's backends that store finished matches run below "
                        + "the server, so a round of matches ending at once yields the cores to games; 0 = the same",
                integer(0, 19));

        /** db-scheduler's own timers are no finer than this. */
        private static Function<String, Duration> jobTime() {
            return durationAtLeast(Duration.ofMillis(10), "10ms", "");
        }

        static JobsConfig read(ConfigValues v) {
            return new JobsConfig(v.get(THREADS), v.get(POLL_INTERVAL), v.get(HEARTBEAT), v.get(RETRY_FIRST),
                    v.get(RETRY_MAX), v.get(TIMEOUT), v.get(RESULT_CONNECTIONS), v.get(RESULT_NICE));
        }
    }

    static final class Matchmaking {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<List<QueueConfig>> QUEUES = key(KEYS, "ARENA_MM_QUEUES",
                MatchmakingConfig.DEFAULT_QUEUES,
                "matchmaking queues: mode=1v1|2v2|...|ffaN[@window start/growth per s/max],... (docs/MATCHMAKING.md)",
                MatchmakingConfig::queues);
        static final ConfigKey<Duration> INTERVAL = key(KEYS, "ARENA_MM_INTERVAL", "250ms",
                "time between two matchmaking passes", duration());
        static final ConfigKey<Duration> DISCONNECT_GRACE = key(KEYS, "ARENA_MM_DISCONNECT_GRACE", "30s",
                "how long a player may be without a socket before their tickets are cancelled", duration());
        static final ConfigKey<Duration> LEASE_TTL = key(KEYS, "ARENA_MM_LEASE_TTL", "5s",
                "with Redis: matcher lease time, renewed every pass (keep it several ARENA_MM_INTERVALs); a dead"
                        + " matcher node is replaced after it", duration());
        static final ConfigKey<Duration> TICKET_RETENTION = key(KEYS, "ARENA_MM_TICKET_RETENTION", "10m",
                "how long a matched or cancelled ticket can still be read", duration());

        static MatchmakingConfig read(ConfigValues v) {
            return new MatchmakingConfig(v.get(QUEUES), v.get(INTERVAL), v.get(DISCONNECT_GRACE), v.get(LEASE_TTL),
                    v.get(TICKET_RETENTION));
        }
    }

    /** How every match on this node is run ({@link MatchConfig}; its seat count stays per match). */
    static final class Match {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Integer> INBOX = key(KEYS, "ARENA_MATCH_INBOX", "256",
                "commands (inputs, joins, ...) one match keeps for its next tick; when full, inputs and joins get"
                        + " busy", integer(1, 1_000_000));
        static final ConfigKey<Integer> INPUTS_PER_TICK = key(KEYS, "ARENA_MATCH_INPUTS_PER_TICK", "4",
                "inputs of one player applied per tick; the rest of that tick are dropped and counted",
                integer(1, 1000));
        static final ConfigKey<Integer> MAX_CATCH_UP = key(KEYS, "ARENA_MATCH_MAX_CATCH_UP", "5",
                "ticks a late match runs back to back; later than that it skips them and keeps its pace",
                integer(1, 1000));
        static final ConfigKey<Duration> RECONNECT_GRACE = key(KEYS, "ARENA_MATCH_RECONNECT_GRACE", "20s",
                "how long a disconnected player's seat is kept before the player forfeits", duration());
        static final ConfigKey<Duration> EMPTY_TIMEOUT = key(KEYS, "ARENA_MATCH_EMPTY_TIMEOUT", "30s",
                "a match with no connected player for this long ends (empty)", duration());
        static final ConfigKey<Duration> LOBBY_TIMEOUT = key(KEYS, "ARENA_MATCH_LOBBY_TIMEOUT", "10s",
                "once a game's minimum of players is seated, how long it waits for more before it starts",
                duration());
        static final ConfigKey<Integer> MAX_SPECTATORS = key(KEYS, "ARENA_MATCH_MAX_SPECTATORS", "100",
                "spectators one match may have at once", integer(0, 1_000_000));

        static MatchConfig read(ConfigValues v) {
            return new MatchConfig(0, v.get(INBOX), v.get(INPUTS_PER_TICK), v.get(MAX_CATCH_UP),
                    v.get(RECONNECT_GRACE), v.get(EMPTY_TIMEOUT), v.get(LOBBY_TIMEOUT), v.get(MAX_SPECTATORS));
        }
    }

    static final class Tournament {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Duration> SWEEP = key(KEYS, "ARENA_TOURNAMENT_SWEEP", "1s",
                "how often due tournament check-ins, starts and no-show deadlines are looked for", duration());

        static TournamentConfig read(ConfigValues v) {
            return new TournamentConfig(v.get(SWEEP));
        }
    }

    /** Game-log streaming (docs/LOGS.md). */
    static final class Logs {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Duration> RETENTION = key(KEYS, "ARENA_LOG_RETENTION", "30d",
                "raw game-log events older than this are dropped by day (rollups are kept)", duration());
        static final ConfigKey<Optional<Path>> IMPORT_DIR = key(KEYS, "ARENA_LOG_IMPORT_DIR", "",
                "directory POST /logs/import may read log files from; unset = import off",
                optional(LogsConfig::directory));
        static final ConfigKey<Double> BAD_SHARE = key(KEYS, "ARENA_LOG_BAD_SHARE", "0.01",
                "a log job fails when more than this share of its lines is bad (0-1)", LogsConfig::share);
        static final ConfigKey<Integer> BATCH = key(KEYS, "ARENA_LOG_BATCH", "50000",
                "log lines per batch (one COPY; batches commit in groups, ARENA_LOG_COMMIT_INTERVAL)",
                integer(100, 1_000_000));
        static final ConfigKey<Integer> JOBS = key(KEYS, "ARENA_LOG_JOBS", "2",
                "log ingests one node runs at once (fewer when its heap cannot hold that many: 2 at -Xmx256m); more get 503",
                integer(1, 64));
        static final ConfigKey<Duration> COMMIT_INTERVAL = key(KEYS, "ARENA_LOG_COMMIT_INTERVAL", "1s",
                "longest a log ingest's commit group (batches merged and checkpointed at once) stays open",
                duration());
        static final ConfigKey<Integer> NICE = key(KEYS, "ARENA_LOG_NICE", "10",
                "how many Linux nice values log ingests' threads and their embedded-PostgreSQL backends run below the "
                        + "server's own priority, so they yield the cores to games and health checks; 0 = the same",
                integer(0, 19));

        static LogsConfig read(ConfigValues v) {
            return new LogsConfig(v.get(RETENTION), v.get(IMPORT_DIR), v.get(BAD_SHARE), v.get(BATCH), v.get(JOBS),
                    v.get(COMMIT_INTERVAL), v.get(NICE));
        }
    }

    /** A readable word-list file whose entries parse, so a typo in it is reported with the other problems. */
    private static Path wordList(String s) {
        Path path = Path.of(s).toAbsolutePath().normalize();
        try {
            WordList.parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("is not a readable file (" + e.getMessage() + ")");
        }
        return path;
    }
}
