package dev.arena.config;

import dev.arena.chat.ProfanityFilter;
import dev.arena.common.NetTransport;
import dev.arena.matchmaking.QueueConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link ArenaConfig} from, in rising precedence: defaults, an optional properties file
 * ({@code ARENA_CONFIG} or {@code --config}), environment variables, then command-line flags.
 * All keys use the environment-variable names ({@code ARENA_PORT}); a file may also write them as
 * {@code port} or {@code arena.port}. Every invalid value is collected and reported in one {@link ConfigException}.
 */
public final class ConfigLoader {

    /** Every recognised key with its default ("" = unset) and a line for {@code --help} and the README. */
    public static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static {
        key("ARENA_HOST", "0.0.0.0", "interface the HTTP/WebSocket server binds");
        key("ARENA_PORT", "8080", "HTTP/WebSocket port (0 picks a free port)");
        key("ARENA_DATABASE_URL", "", "postgres://user:pass@host:5432/db; unset = embedded PostgreSQL in ARENA_DATA_DIR");
        key("ARENA_DB_POOL_SIZE", "16", "PostgreSQL connections in the pool");
        key("ARENA_REDIS_URL", "", "redis://host:6379 to run as a cluster (docs/CLUSTERING.md); unset = single node, all in-process");
        key("ARENA_DATA_DIR", "./data", "where the embedded database and generated secrets live");
        key("ARENA_TOKEN_SECRET", "", "HMAC secret for access tokens, >= 32 chars; unset = generated once into ARENA_DATA_DIR");
        key("ARENA_TOKEN_TTL", "15m", "access token lifetime (e.g. 900s, 15m, 1h)");
        key("ARENA_REFRESH_TTL", "30d", "refresh token lifetime");
        key("ARENA_LOG_LEVEL", "info", "trace, debug, info, warn or error");
        key("ARENA_LOG_FORMAT", "text", "text or json (one JSON object per line)");
        key("ARENA_CORS_ORIGINS", "", "comma-separated allowed origins, or *; unset = no CORS headers");
        key("ARENA_BODY_LIMIT", "1MiB", "largest accepted HTTP request body (bytes, KiB, MiB)");
        key("ARENA_HTTP_INSTANCES", "0", "event loops, each with one HTTP server instance and one room shard; 0 = one per core");
        key("ARENA_SHUTDOWN_TIMEOUT", "10s", "how long in-flight requests may finish after SIGTERM");
        key("ARENA_NODE_ID", "", "name of this node in a cluster; unset = random");
        key("ARENA_NODE_TTL", "10s", "with Redis: silence after which a node counts as dead and its presence is removed");
        key("ARENA_WS_OUTBOUND_QUEUE", "1024", "frames that may wait for one slow client before it is cut off (4001)");
        key("ARENA_WS_RATE", "20", "messages per second one connection may send (sustained)");
        key("ARENA_WS_BURST", "40", "messages one connection may send in a burst");
        key("ARENA_WS_MAX_MESSAGE", "16KiB", "largest client frame answered normally; larger gets too_large");
        key("ARENA_WS_HARD_FRAME", "64KiB", "largest frame the WebSocket layer accepts at all (close 1009)");
        key("ARENA_WS_HEARTBEAT", "15s", "idle time after which the server pings a connection");
        key("ARENA_WS_IDLE_TIMEOUT", "45s", "silence after which a connection is closed (4000)");
        key("ARENA_WS_ABUSE_LIMIT", "20", "invalid or excessive frames per minute before close 1008");
        key("ARENA_ROOM_MAX_MEMBERS", "5000", "members one room may have on one node");
        key("ARENA_WS_RESUME_BUFFER", "512", "events kept per room for resume");
        key("ARENA_WS_RESUME_WINDOW", "2m", "how long kept events can be resumed");
        key("ARENA_TRANSPORT", "auto", "network transport: auto (epoll, else io_uring, else nio), io_uring, epoll or nio; a named one must be available");
        key("ARENA_TCP_SEND_BUFFER", "0", "kernel send buffer per socket in bytes; 0 = OS default (autotuned)");
        key("ARENA_CONFIG", "", "optional properties file with any of these keys");
        key("ARENA_CHAT_MAX_LENGTH", "500", "longest chat message in characters (1-10000)");
        key("ARENA_CHAT_FILTER", "mask", "what the profanity filter does: mask (replace with *) or reject");
        key("ARENA_CHAT_WORDLIST", "", "chat word-list file replacing the built-in list (see docs/CHAT.md)");
        key("ARENA_JOB_THREADS", "4", "result jobs (ratings, stats, leaderboards) one node runs at once");
        key("ARENA_JOB_POLL_INTERVAL", "1s", "how often a node looks for due jobs (retries, other nodes' jobs)");
        key("ARENA_JOB_HEARTBEAT", "30s", "running jobs' heartbeat; a job silent for 6 heartbeats is run again elsewhere");
        key("ARENA_JOB_RETRY_FIRST", "1s", "wait before retrying a failed job, doubled after each failure");
        key("ARENA_JOB_RETRY_MAX", "5m", "longest wait between retries of a failing job");
        key("ARENA_JOB_TIMEOUT", "60s", "a job running longer than this fails and is retried");
        key("ARENA_MM_QUEUES", MatchmakingConfig.DEFAULT_QUEUES,
                "matchmaking queues: mode=1v1|2v2|...|ffaN[@window start/growth per s/max],... (docs/MATCHMAKING.md)");
        key("ARENA_MM_INTERVAL", "250ms", "time between two matchmaking passes");
        key("ARENA_MM_DISCONNECT_GRACE", "30s", "how long a player may be without a socket before their tickets are cancelled");
        key("ARENA_MM_LEASE_TTL", "5s", "with Redis: matcher lease time, renewed every pass (keep it several "
                + "ARENA_MM_INTERVALs); a dead matcher node is replaced after it");
        key("ARENA_MM_TICKET_RETENTION", "10m", "how long a matched or cancelled ticket can still be read");
        key("ARENA_LOG_RETENTION", "30d", "raw game-log events older than this are dropped by day (rollups are kept)");
        key("ARENA_LOG_IMPORT_DIR", "", "directory POST /logs/import may read log files from; unset = import off");
        key("ARENA_LOG_BAD_SHARE", "0.01", "a log job fails when more than this share of its lines is bad (0-1)");
        key("ARENA_LOG_BATCH", "50000", "log lines per commit (one COPY, the rollups and the checkpoint)");
        key("ARENA_LOG_JOBS", "2", "log ingests one node runs at once; more get 503");
    }

    private static void key(String name, String def, String help) {
        KEYS.put(name, new String[] {def, help});
    }

    private ConfigLoader() {}

    /** Loads from the process environment plus flags (already mapped to ARENA_* keys). */
    public static ArenaConfig load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>();
        KEYS.forEach((k, v) -> merged.put(k, v[0]));
        List<String> problems = new ArrayList<>();

        String file = firstNonBlank(flags.get("ARENA_CONFIG"), env.get("ARENA_CONFIG"));
        if (file != null) {
            readFile(Path.of(file), merged, problems);
        }
        env.forEach((k, v) -> {
            if (k.startsWith("ARENA_") && v != null) {
                merged.put(k, v);
            }
        });
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return parse(merged, problems);
    }

    private static void readFile(Path path, Map<String, String> into, List<String> problems) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            props.load(r);
        } catch (IOException e) {
            problems.add("ARENA_CONFIG: cannot read " + path + " (" + e.getMessage() + ")");
            return;
        }
        for (String name : props.stringPropertyNames()) {
            String k = name.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!k.startsWith("ARENA_")) {
                k = "ARENA_" + k;
            }
            if (!KEYS.containsKey(k)) {
                problems.add("ARENA_CONFIG: unknown key '" + name + "' in " + path);
                continue;
            }
            into.put(k, props.getProperty(name).strip());
        }
    }

    private static ArenaConfig parse(Map<String, String> m, List<String> problems) {
        Parser p = new Parser(m, problems);
        String host = p.string("ARENA_HOST");
        int port = p.integer("ARENA_PORT", 0, 65535);
        Optional<DatabaseUrl> db = p.optional("ARENA_DATABASE_URL", DatabaseUrl::parse);
        int pool = p.integer("ARENA_DB_POOL_SIZE", 1, 1000);
        Optional<URI> redis = p.optional("ARENA_REDIS_URL", ConfigLoader::redisUri);
        // An empty value must not quietly mean "the working directory" for the database and the secret.
        Path dataDir = p.string("ARENA_DATA_DIR").isEmpty() ? null : p.required("ARENA_DATA_DIR", Path::of);
        Optional<String> secret = p.optional("ARENA_TOKEN_SECRET", s -> {
            if (s.length() < 32) {
                throw new IllegalArgumentException("must be at least 32 characters");
            }
            return s;
        });
        Duration tokenTtl = p.duration("ARENA_TOKEN_TTL");
        Duration refreshTtl = p.duration("ARENA_REFRESH_TTL");
        String level = p.oneOf("ARENA_LOG_LEVEL", "trace", "debug", "info", "warn", "error");
        String format = p.oneOf("ARENA_LOG_FORMAT", "text", "json");
        List<String> cors = p.required("ARENA_CORS_ORIGINS", s -> Arrays.stream(s.split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList());
        Long bodyLimit = p.required("ARENA_BODY_LIMIT", ConfigLoader::bytes); // null when invalid: unbox after the check
        int instances = p.integer("ARENA_HTTP_INSTANCES", 0, 256);
        Duration shutdown = p.duration("ARENA_SHUTDOWN_TIMEOUT");
        String nodeId = m.getOrDefault("ARENA_NODE_ID", "").isBlank()
                ? "node-" + UUID.randomUUID().toString().substring(0, 8)
                : m.get("ARENA_NODE_ID").strip();
        int outQueue = p.integer("ARENA_WS_OUTBOUND_QUEUE", 8, 1_000_000);
        int rate = p.integer("ARENA_WS_RATE", 1, 100_000);
        int burst = p.integer("ARENA_WS_BURST", 1, 100_000);
        Long maxMessage = p.required("ARENA_WS_MAX_MESSAGE", ConfigLoader::bytes);
        Long hardFrame = p.required("ARENA_WS_HARD_FRAME", ConfigLoader::bytes);
        Duration heartbeat = p.duration("ARENA_WS_HEARTBEAT");
        Duration idle = p.duration("ARENA_WS_IDLE_TIMEOUT");
        int abuse = p.integer("ARENA_WS_ABUSE_LIMIT", 1, 1_000_000);
        int roomMax = p.integer("ARENA_ROOM_MAX_MEMBERS", 1, 1_000_000);
        int resumeBuffer = p.integer("ARENA_WS_RESUME_BUFFER", 0, 1_000_000);
        Duration resumeWindow = p.duration("ARENA_WS_RESUME_WINDOW");
        int sendBuffer = p.integer("ARENA_TCP_SEND_BUFFER", 0, 64 * 1024 * 1024);
        NetTransport transport = p.required("ARENA_TRANSPORT", NetTransport::parse);
        Duration nodeTtl = p.duration("ARENA_NODE_TTL");
        if (nodeTtl != null && nodeTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("ARENA_NODE_TTL: must be at least 1s (heartbeats go every third of it)");
        }
        if (maxMessage != null && hardFrame != null && hardFrame < maxMessage) {
            problems.add("ARENA_WS_HARD_FRAME: must not be smaller than ARENA_WS_MAX_MESSAGE");
        }
        if (heartbeat != null && idle != null && idle.compareTo(heartbeat) <= 0) {
            problems.add("ARENA_WS_IDLE_TIMEOUT: must be longer than ARENA_WS_HEARTBEAT");
        }
        ChatConfig chat = new ChatConfig(p.integer("ARENA_CHAT_MAX_LENGTH", 1, 10_000),
                ProfanityFilter.Action.valueOf(p.oneOf("ARENA_CHAT_FILTER", "mask", "reject").toUpperCase(Locale.ROOT)),
                p.optional("ARENA_CHAT_WORDLIST", ConfigLoader::wordList));
        JobsConfig jobs = new JobsConfig(p.integer("ARENA_JOB_THREADS", 1, 256), p.duration("ARENA_JOB_POLL_INTERVAL"),
                p.duration("ARENA_JOB_HEARTBEAT"), p.duration("ARENA_JOB_RETRY_FIRST"), p.duration("ARENA_JOB_RETRY_MAX"),
                p.duration("ARENA_JOB_TIMEOUT"));
        Map<String, Duration> jobTimes = new LinkedHashMap<>();
        jobTimes.put("ARENA_JOB_POLL_INTERVAL", jobs.pollInterval());
        jobTimes.put("ARENA_JOB_HEARTBEAT", jobs.heartbeat());
        jobTimes.put("ARENA_JOB_RETRY_FIRST", jobs.retryFirst());
        jobTimes.put("ARENA_JOB_RETRY_MAX", jobs.retryMax());
        jobTimes.put("ARENA_JOB_TIMEOUT", jobs.timeout());
        jobTimes.forEach((k, d) -> {
            if (d != null && d.compareTo(Duration.ofMillis(10)) < 0) {
                problems.add(k + ": must be at least 10ms");
            }
        });
        List<QueueConfig> queues = p.required("ARENA_MM_QUEUES", MatchmakingConfig::queues);
        MatchmakingConfig matchmaking = new MatchmakingConfig(queues == null ? List.of() : queues,
                p.duration("ARENA_MM_INTERVAL"), p.duration("ARENA_MM_DISCONNECT_GRACE"),
                p.duration("ARENA_MM_LEASE_TTL"), p.duration("ARENA_MM_TICKET_RETENTION"));
        LogsConfig logs = new LogsConfig(p.duration("ARENA_LOG_RETENTION"),
                p.optional("ARENA_LOG_IMPORT_DIR", LogsConfig::directory),
                p.required("ARENA_LOG_BAD_SHARE", LogsConfig::share) instanceof Double d ? d : 0,
                p.integer("ARENA_LOG_BATCH", 100, 1_000_000), p.integer("ARENA_LOG_JOBS", 1, 64));
        if (tokenTtl != null && refreshTtl != null && refreshTtl.compareTo(tokenTtl) < 0) {
            problems.add("ARENA_REFRESH_TTL: must not be shorter than ARENA_TOKEN_TTL");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ArenaConfig(host, port, db, pool, redis, dataDir.toAbsolutePath().normalize(), secret, tokenTtl,
                refreshTtl, level, ArenaConfig.LogFormat.valueOf(format.toUpperCase(Locale.ROOT)), cors, bodyLimit,
                instances == 0 ? Runtime.getRuntime().availableProcessors() : instances, shutdown, nodeId,
                new WsLimits(outQueue, rate, burst, (int) Math.min(Integer.MAX_VALUE, maxMessage),
                        (int) Math.min(Integer.MAX_VALUE, hardFrame), heartbeat, idle, abuse, roomMax, resumeBuffer,
                        resumeWindow, sendBuffer), chat, nodeTtl, jobs, matchmaking, transport, logs);
    }

    /** A readable word-list file whose entries parse, so a typo in it is reported with the other problems. */
    private static Path wordList(String s) {
        Path path = Path.of(s).toAbsolutePath().normalize();
        try {
            ProfanityFilter.parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("is not a readable file (" + e.getMessage() + ")");
        }
        return path;
    }

    private static URI redisUri(String s) {
        URI u = URI.create(s.strip());
        if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme())) {
            throw new IllegalArgumentException("scheme must be redis:// or rediss://");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("missing host");
        }
        return u;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    static Duration duration(String s) {
        Matcher mm = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!mm.matches()) {
            throw new IllegalArgumentException("not a duration (use e.g. 500ms, 30s, 15m, 2h, 30d)");
        }
        String unit = mm.group(2) == null ? "s" : mm.group(2);
        Duration d;
        try {
            long n = Long.parseLong(mm.group(1));
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large");
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("must be greater than zero");
        }
        return d;
    }

    static long bytes(String s) {
        Matcher mm = BYTES.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!mm.matches()) {
            throw new IllegalArgumentException("not a size (use e.g. 65536, 64KiB, 1MiB)");
        }
        String unit = mm.group(2) == null ? "b" : mm.group(2);
        long v;
        try {
            long n = Long.parseLong(mm.group(1));
            v = switch (unit) {
                case "kb", "kib" -> Math.multiplyExact(n, 1024L);
                case "mb", "mib" -> Math.multiplyExact(n, 1024L * 1024);
                case "gb", "gib" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
                default -> n;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large"); // rather than a silently wrapped-around size
        }
        if (v < 1024) {
            throw new IllegalArgumentException("must be at least 1KiB");
        }
        return v;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** Parses one key at a time, recording a problem instead of throwing so all errors surface at once. */
    private record Parser(Map<String, String> values, List<String> problems) {
        String raw(String key) {
            String v = values.get(key);
            return v == null ? "" : v.strip();
        }

        String string(String key) {
            String v = raw(key);
            if (v.isEmpty()) {
                problems.add(key + ": must not be empty");
            }
            return v;
        }

        <T> T required(String key, Function<String, T> f) {
            try {
                return f.apply(raw(key));
            } catch (RuntimeException e) {
                problems.add(key + ": '" + raw(key) + "' " + e.getMessage());
                return null;
            }
        }

        <T> Optional<T> optional(String key, Function<String, T> f) {
            if (raw(key).isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(f.apply(raw(key)));
            } catch (RuntimeException e) {
                String shown = key.contains("SECRET") ? "(hidden)" : "'" + raw(key) + "'";
                problems.add(key + ": " + shown + " " + e.getMessage());
                return Optional.empty();
            }
        }

        int integer(String key, int min, int max) {
            Integer v = required(key, s -> {
                int n;
                try {
                    n = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a whole number");
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException("must be between " + min + " and " + max);
                }
                return n;
            });
            return v == null ? 0 : v;
        }

        Duration duration(String key) {
            return required(key, ConfigLoader::duration);
        }

        String oneOf(String key, String... allowed) {
            String v = raw(key).toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(v)) {
                problems.add(key + ": '" + raw(key) + "' must be one of " + String.join(", ", allowed));
                return allowed[0];
            }
            return v;
        }
    }
}
