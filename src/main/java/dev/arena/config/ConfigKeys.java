package dev.arena.config;

import static dev.arena.config.ConfigKey.key;
import static dev.arena.config.Parsers.bool;
import static dev.arena.config.Parsers.bytes;
import static dev.arena.config.Parsers.commaList;
import static dev.arena.config.Parsers.duration;
import static dev.arena.config.Parsers.durationAtLeast;
import static dev.arena.config.Parsers.integer;
import static dev.arena.config.Parsers.nonEmpty;
import static dev.arena.config.Parsers.oneOf;
import static dev.arena.config.Parsers.optional;

import dev.arena.common.NetTransport;
import dev.arena.config.FeatureKeys.Chat;
import dev.arena.config.FeatureKeys.Jobs;
import dev.arena.config.FeatureKeys.Logs;
import dev.arena.config.FeatureKeys.Match;
import dev.arena.config.FeatureKeys.Matchmaking;
import dev.arena.config.FeatureKeys.Tournament;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every configuration key, declared once (name, default, meaning, parser) in the section it fills; each section
 * then builds its record from its keys. Sections and keys are listed in the README's order. Here: the node's own
 * sections (HTTP, database, tokens, log, cluster, sockets); the features' sections are in {@link FeatureKeys}.
 */
final class ConfigKeys {
    private ConfigKeys() {}

    /** The properties file: read before everything else, so it fills no section. */
    static final ConfigKey<String> FILE = new ConfigKey<>("ARENA_CONFIG", "",
            "optional properties file with any of these keys", s -> s);

    /** Every key in README order. */
    static final List<ConfigKey<?>> ALL = Stream.of(List.<ConfigKey<?>>of(FILE), Http.KEYS, Database.KEYS,
                    Tokens.KEYS, Log.KEYS, Cluster.KEYS, Ws.KEYS, Chat.KEYS, Jobs.KEYS, Matchmaking.KEYS, Match.KEYS,
                    Tournament.KEYS, Logs.KEYS)
            .flatMap(List::stream).toList();

    static ArenaConfig read(ConfigValues v) {
        ArenaConfig c = new ArenaConfig(Http.read(v), Database.read(v), Tokens.read(v), Log.read(v), Cluster.read(v),
                Ws.read(v), Chat.read(v), Jobs.read(v), Matchmaking.read(v), Match.read(v), Tournament.read(v),
                Logs.read(v));
        if (v.valid(Http.IDLE_TIMEOUT, Ws.HEARTBEAT)) {
            // a quiet socket is pinged after ARENA_WS_HEARTBEAT; closing it before would cut healthy sockets
            v.check(c.http().idleTimeout().compareTo(c.ws().heartbeat()) > 0, Http.IDLE_TIMEOUT,
                    "must be longer than ARENA_WS_HEARTBEAT");
        }
        return c;
    }

    static final class Http {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<String> HOST = key(KEYS, "ARENA_HOST", "0.0.0.0",
                "interface the HTTP/WebSocket server binds", nonEmpty());
        static final ConfigKey<Integer> PORT = key(KEYS, "ARENA_PORT", "8080",
                "HTTP/WebSocket port (0 picks a free port)", integer(0, 65535));
        static final ConfigKey<List<String>> CORS_ORIGINS = key(KEYS, "ARENA_CORS_ORIGINS", "",
                "comma-separated allowed origins, or *; unset = no CORS headers", commaList());
        static final ConfigKey<Long> BODY_LIMIT = key(KEYS, "ARENA_BODY_LIMIT", "1MiB",
                "largest accepted HTTP request body (bytes, KiB, MiB)", bytes());
        static final ConfigKey<Integer> INSTANCES = key(KEYS, "ARENA_HTTP_INSTANCES", "0",
                "event loops, each with one HTTP server instance and one room shard; 0 = one per core",
                integer(0, 256).andThen(n -> n == 0 ? Runtime.getRuntime().availableProcessors() : n));
        static final ConfigKey<Duration> SHUTDOWN_TIMEOUT = key(KEYS, "ARENA_SHUTDOWN_TIMEOUT", "10s",
                "how long in-flight requests may finish after SIGTERM", duration());
        static final ConfigKey<NetTransport> TRANSPORT = key(KEYS, "ARENA_TRANSPORT", "auto",
                "network transport: auto (epoll, else io_uring, else nio), io_uring, epoll or nio; a named one must"
                        + " be available", NetTransport::parse);

        static final ConfigKey<Boolean> DASHBOARD_PUBLIC = key(KEYS, "ARENA_DASHBOARD_PUBLIC", "false",
                "true = the live dashboard (/dashboard) is readable without signing in", bool());
        static final ConfigKey<Optional<Path>> TLS_CERT = key(KEYS, "ARENA_TLS_CERT", "",
                "PEM certificate chain: serve HTTPS/WSS directly (with ARENA_TLS_KEY); re-read when the file changes",
                optional(s -> Path.of(s).toAbsolutePath().normalize()));
        static final ConfigKey<Optional<Path>> TLS_KEY = key(KEYS, "ARENA_TLS_KEY", "",
                "PEM private key (PKCS#8) of ARENA_TLS_CERT", optional(s -> Path.of(s).toAbsolutePath().normalize()));
        static final ConfigKey<Boolean> TRUST_PROXY = key(KEYS, "ARENA_TRUST_PROXY", "false",
                "true behind one reverse proxy: the client address is the last X-Forwarded-For entry", bool());
        static final ConfigKey<Duration> IDLE_TIMEOUT = key(KEYS, "ARENA_HTTP_IDLE_TIMEOUT", "60s",
                "a connection that sends and receives nothing this long is closed; longer than ARENA_WS_HEARTBEAT",
                durationAtLeast(Duration.ofMillis(10), "10ms", ""));
        static final ConfigKey<Duration> HEADER_TIMEOUT = key(KEYS, "ARENA_HTTP_HEADER_TIMEOUT", "10s",
                "a connection must send each request's complete head within this long of opening (or, kept alive,"
                        + " of the request's first byte), however slowly bytes arrive; else it is closed",
                durationAtLeast(Duration.ofMillis(10), "10ms", ""));
        static final ConfigKey<Integer> GUEST_LIMIT = key(KEYS, "ARENA_GUEST_LIMIT", "30",
                "guest accounts one client address may create per ARENA_GUEST_WINDOW (per node); 0 = no limit, for"
                        + " load tests", integer(0, 1_000_000));
        static final ConfigKey<Duration> GUEST_WINDOW = key(KEYS, "ARENA_GUEST_WINDOW", "10m",
                "the window of ARENA_GUEST_LIMIT", durationAtLeast(Duration.ofSeconds(1), "1s", ""));

        static HttpConfig read(ConfigValues v) {
            HttpConfig c = new HttpConfig(v.get(HOST), v.get(PORT), v.get(CORS_ORIGINS), v.get(BODY_LIMIT),
                    v.get(INSTANCES), v.get(SHUTDOWN_TIMEOUT), v.get(TRANSPORT), v.get(DASHBOARD_PUBLIC),
                    v.get(TLS_CERT), v.get(TLS_KEY), v.get(TRUST_PROXY), v.get(IDLE_TIMEOUT),
                    v.get(HEADER_TIMEOUT), new HttpConfig.GuestLimit(v.get(GUEST_LIMIT), v.get(GUEST_WINDOW)));
            if (v.valid(TLS_CERT, TLS_KEY)) {
                v.check(c.tlsCert().isPresent() == c.tlsKey().isPresent(), TLS_KEY,
                        "ARENA_TLS_CERT and ARENA_TLS_KEY are set together or not at all");
                c.tlsCert().ifPresent(f -> v.check(Files.isReadable(f), TLS_CERT, "cannot read " + f));
                c.tlsKey().ifPresent(f -> v.check(Files.isReadable(f), TLS_KEY, "cannot read " + f));
            }
            return c;
        }
    }

    static final class Database {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Optional<DatabaseUrl>> URL = key(KEYS, "ARENA_DATABASE_URL", "",
                "postgres://user:pass@host:5432/db; unset = embedded PostgreSQL in ARENA_DATA_DIR",
                optional(DatabaseUrl::parse));
        static final ConfigKey<Integer> POOL_SIZE = key(KEYS, "ARENA_DB_POOL_SIZE", "16",
                "PostgreSQL connections in the pool", integer(1, 1000));
        static final ConfigKey<Path> DATA_DIR = key(KEYS, "ARENA_DATA_DIR", "./data",
                "where the embedded database and generated secrets live",
                nonEmpty().andThen(s -> Path.of(s).toAbsolutePath().normalize()));

        static DatabaseConfig read(ConfigValues v) {
            return new DatabaseConfig(v.get(URL), v.get(POOL_SIZE), v.get(DATA_DIR));
        }
    }

    static final class Tokens {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Optional<String>> SECRET = key(KEYS, "ARENA_TOKEN_SECRET", "",
                "HMAC secret for access tokens, >= 32 chars; unset = generated once into ARENA_DATA_DIR",
                optional(s -> {
                    if (s.length() < 32) {
                        throw new IllegalArgumentException("must be at least 32 characters");
                    }
                    return s;
                }));
        static final ConfigKey<List<String>> PREVIOUS_SECRETS = key(KEYS, "ARENA_TOKEN_SECRETS_PREVIOUS", "",
                "comma-separated earlier token secrets, still accepted (not used to sign) so a rotation logs nobody out",
                commaList().andThen(l -> {
                    if (l.stream().anyMatch(s -> s.length() < 32)) {
                        throw new IllegalArgumentException("each secret must be at least 32 characters");
                    }
                    return l;
                }));
        static final ConfigKey<Duration> TTL = key(KEYS, "ARENA_TOKEN_TTL", "15m",
                "access token lifetime (e.g. 900s, 15m, 1h)", duration());
        static final ConfigKey<Duration> REFRESH_TTL = key(KEYS, "ARENA_REFRESH_TTL", "30d",
                "refresh token lifetime", duration());

        static TokenConfig read(ConfigValues v) {
            TokenConfig c = new TokenConfig(v.get(SECRET), v.get(PREVIOUS_SECRETS), v.get(TTL), v.get(REFRESH_TTL));
            if (v.valid(TTL, REFRESH_TTL)) {
                v.check(c.refreshTtl().compareTo(c.accessTtl()) >= 0, REFRESH_TTL,
                        "must not be shorter than ARENA_TOKEN_TTL");
            }
            return c;
        }
    }

    static final class Log {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<String> LEVEL = key(KEYS, "ARENA_LOG_LEVEL", "info",
                "trace, debug, info, warn or error", oneOf("trace", "debug", "info", "warn", "error"));
        static final ConfigKey<LogConfig.Format> FORMAT = key(KEYS, "ARENA_LOG_FORMAT", "text",
                "text or json (one JSON object per line)",
                oneOf("text", "json").andThen(s -> LogConfig.Format.valueOf(s.toUpperCase(Locale.ROOT))));

        static LogConfig read(ConfigValues v) {
            return new LogConfig(v.get(LEVEL), v.get(FORMAT));
        }
    }

    static final class Cluster {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Optional<URI>> REDIS_URL = key(KEYS, "ARENA_REDIS_URL", "",
                "redis://host:6379 to run as a cluster (docs/CLUSTERING.md); unset = single node, all in-process",
                optional(ConfigKeys::redisUri));
        static final ConfigKey<String> NODE_ID = key(KEYS, "ARENA_NODE_ID", "",
                "name of this node in a cluster; unset = random",
                s -> s.isEmpty() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : s);
        static final ConfigKey<Duration> NODE_TTL = key(KEYS, "ARENA_NODE_TTL", "10s",
                "with Redis: silence after which a node counts as dead and its presence is removed",
                durationAtLeast(Duration.ofSeconds(1), "1s", " (heartbeats go every third of it)"));

        static ClusterConfig read(ConfigValues v) {
            return new ClusterConfig(v.get(REDIS_URL), v.get(NODE_ID), v.get(NODE_TTL));
        }
    }

    static final class Ws {
        static final List<ConfigKey<?>> KEYS = new ArrayList<>();
        static final ConfigKey<Integer> OUTBOUND_QUEUE = key(KEYS, "ARENA_WS_OUTBOUND_QUEUE", "1024",
                "frames that may wait for one slow client before it is cut off (4001)", integer(8, 1_000_000));
        static final ConfigKey<Integer> RATE = key(KEYS, "ARENA_WS_RATE", "20",
                "messages per second one connection may send (sustained)", integer(1, 100_000));
        static final ConfigKey<Integer> BURST = key(KEYS, "ARENA_WS_BURST", "40",
                "messages one connection may send in a burst", integer(1, 100_000));
        static final ConfigKey<Integer> MAX_MESSAGE = key(KEYS, "ARENA_WS_MAX_MESSAGE", "16KiB",
                "largest client frame answered normally; larger gets too_large", bytes().andThen(ConfigKeys::toInt));
        static final ConfigKey<Integer> HARD_FRAME = key(KEYS, "ARENA_WS_HARD_FRAME", "64KiB",
                "largest frame the WebSocket layer accepts at all (close 1009)", bytes().andThen(ConfigKeys::toInt));
        static final ConfigKey<Duration> HEARTBEAT = key(KEYS, "ARENA_WS_HEARTBEAT", "15s",
                "idle time after which the server pings a connection (each up to a third later, and at most halfway to "
                        + "the sooner idle timeout, WebSocket or HTTP, so sockets that connected together are not "
                        + "pinged at once)", duration());
        static final ConfigKey<Duration> IDLE_TIMEOUT = key(KEYS, "ARENA_WS_IDLE_TIMEOUT", "45s",
                "silence after which a connection is closed (4000)", duration());
        static final ConfigKey<Integer> ABUSE_LIMIT = key(KEYS, "ARENA_WS_ABUSE_LIMIT", "20",
                "invalid or excessive frames per minute before close 1008", integer(1, 1_000_000));
        static final ConfigKey<Integer> ROOM_MAX_MEMBERS = key(KEYS, "ARENA_ROOM_MAX_MEMBERS", "5000",
                "members one room may have on one node", integer(1, 1_000_000));
        static final ConfigKey<Integer> ROOM_INBOX = key(KEYS, "ARENA_ROOM_INBOX", "65536",
                "events waiting for one room before new ones are dropped (and counted)", integer(1, 16_777_216));
        static final ConfigKey<Integer> RESUME_BUFFER = key(KEYS, "ARENA_WS_RESUME_BUFFER", "512",
                "events kept per room for resume", integer(0, 1_000_000));
        static final ConfigKey<Duration> RESUME_WINDOW = key(KEYS, "ARENA_WS_RESUME_WINDOW", "2m",
                "how long kept events can be resumed", duration());
        static final ConfigKey<Integer> TCP_SEND_BUFFER = key(KEYS, "ARENA_TCP_SEND_BUFFER", "0",
                "kernel send buffer per socket in bytes; 0 = OS default (autotuned)", integer(0, 64 * 1024 * 1024));
        static final ConfigKey<Duration> WARMUP = key(KEYS, "ARENA_WARMUP", "0s",
                "before reporting ready, drive synthetic sockets through a room over loopback this long, so the JIT"
                        + " has compiled the broadcast path before the first player; 0 or off = none; single node only"
                        + " (skipped on a cluster)", warmupLength());

        /** At most 20 s: the JIT has compiled the hot paths long before that, and a start-up must not hang on it. */
        private static Function<String, Duration> warmupLength() {
            return s -> {
                String v = s.strip().toLowerCase(Locale.ROOT);
                if (v.equals("off") || v.matches("0+(ms|s|m|h|d)?")) {
                    return Duration.ZERO; // a duration elsewhere must be positive; here zero means no warm-up
                }
                Duration d = duration(s);
                if (d.compareTo(Duration.ofSeconds(20)) > 0) {
                    throw new ConfigKey.Refusal("must be between 0s and 20s");
                }
                return d;
            };
        }

        static WsLimits read(ConfigValues v) {
            WsLimits c = new WsLimits(v.get(OUTBOUND_QUEUE), v.get(RATE), v.get(BURST), v.get(MAX_MESSAGE),
                    v.get(HARD_FRAME), v.get(HEARTBEAT), v.get(IDLE_TIMEOUT), v.get(ABUSE_LIMIT),
                    v.get(ROOM_MAX_MEMBERS), v.get(ROOM_INBOX), v.get(RESUME_BUFFER), v.get(RESUME_WINDOW),
                    v.get(TCP_SEND_BUFFER), v.get(WARMUP));
            if (v.valid(MAX_MESSAGE, HARD_FRAME)) {
                v.check(c.hardFrameBytes() >= c.maxMessageBytes(), HARD_FRAME,
                        "must not be smaller than ARENA_WS_MAX_MESSAGE");
            }
            if (v.valid(HEARTBEAT, IDLE_TIMEOUT)) {
                v.check(c.idleTimeout().compareTo(c.heartbeat()) > 0, IDLE_TIMEOUT,
                        "must be longer than ARENA_WS_HEARTBEAT");
            }
            return c;
        }
    }

    private static int toInt(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static URI redisUri(String s) {
        URI u = URI.create(s);
        if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme())) {
            throw new IllegalArgumentException("scheme must be redis:// or rediss://");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("missing host");
        }
        return u;
    }
}
