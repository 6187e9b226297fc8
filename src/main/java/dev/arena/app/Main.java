package dev.arena.app;

import dev.arena.config.ArenaConfig;
import dev.arena.config.ConfigException;
import dev.arena.config.ConfigLoader;
import dev.arena.identity.CredentialRules;
import dev.arena.identity.Role;
import dev.arena.storage.postgres.DataDirInUseException;
import dev.arena.storage.postgres.Migrations;
import dev.arena.storage.postgres.PostgresServer;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code arena} command line. Configuration errors exit with status 2 after listing every problem. */
@Command(name = "arena", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Arena: a self-hostable real-time game platform backend.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.VersionCmd.class, Main.Admin.class, dev.arena.bench.BenchCommand.class,
                LogsCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command and returns its exit status: 0 done, 2 invalid configuration or usage (every problem
     * is printed to {@code err}), 1 any other failure.
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException ce) {
                cmd.getErr().println(ce.getMessage());
                return 2;
            }
            if (e instanceof DataDirInUseException inUse) {
                cmd.getErr().println("arena: " + inUse.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Flags shared by commands that need configuration; each maps onto an ARENA_* key. */
    static final class ConfigFlags {
        @Option(names = "--config", description = "properties file with ARENA_* keys") String config;
        @Option(names = "--port", description = "HTTP port (ARENA_PORT)") String port;
        @Option(names = "--host", description = "bind address (ARENA_HOST)") String host;
        @Option(names = "--data-dir", description = "data directory (ARENA_DATA_DIR)") String dataDir;
        @Option(names = "--database-url", description = "external PostgreSQL (ARENA_DATABASE_URL)") String databaseUrl;
        @Option(names = "--redis-url", description = "Redis for clustering (ARENA_REDIS_URL)") String redisUrl;
        @Option(names = "--log-level", description = "log level (ARENA_LOG_LEVEL)") String logLevel;
        @Option(names = "--log-format", description = "text or json (ARENA_LOG_FORMAT)") String logFormat;

        ArenaConfig load() {
            Map<String, String> flags = new HashMap<>();
            put(flags, "ARENA_CONFIG", config);
            put(flags, "ARENA_PORT", port);
            put(flags, "ARENA_HOST", host);
            put(flags, "ARENA_DATA_DIR", dataDir);
            put(flags, "ARENA_DATABASE_URL", databaseUrl);
            put(flags, "ARENA_REDIS_URL", redisUrl);
            put(flags, "ARENA_LOG_LEVEL", logLevel);
            put(flags, "ARENA_LOG_FORMAT", logFormat);
            ArenaConfig c = ConfigLoader.load(System.getenv(), flags);
            // Logback reads these when the first logger is created, which happens only after this point.
            System.setProperty("arena.log.level", c.log().level().toUpperCase(Locale.ROOT));
            System.setProperty("arena.log.format", c.log().format().name());
            return c;
        }

        private static void put(Map<String, String> m, String k, String v) {
            if (v != null) {
                m.put(k, v);
            }
        }
    }

    @Command(name = "serve", description = "Run an Arena node until SIGTERM/SIGINT.")
    static final class Serve implements Callable<Integer> {
        @Mixin ConfigFlags flags;

        @Override
        public Integer call() throws InterruptedException {
            ArenaConfig config = flags.load();
            ArenaNode node = ArenaNode.start(config, Clock.systemUTC());
            String base = "http://" + ("0.0.0.0".equals(config.http().host()) ? "localhost" : config.http().host()) + ":" + node.port();
            System.out.printf("""
                    Arena %s is running (node %s, %s database)
                      API        %s
                      API docs   %s/docs
                      OpenAPI    %s/openapi.json
                      Metrics    %s/metrics
                      Health     %s/health/ready
                    Press Ctrl+C to stop.
                    """, Version.current(), config.nodeId(), node.embeddedDatabase() ? "embedded" : "external",
                    base, base, base, base, base);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Arena is shutting down...");
                node.close();
                stopped.countDown();
            }, "arena-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "migrate", description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin ConfigFlags flags;

        @Override
        public Integer call() {
            ArenaConfig config = flags.load();
            try (PostgresServer db = PostgresServer.start(config)) {
                var result = Migrations.migrate(db.url());
                System.out.printf("database %s: %d migration(s) applied, schema version %s%n", db.url(),
                        result.migrationsExecuted, result.targetSchemaVersion == null ? "unchanged"
                                : result.targetSchemaVersion);
            }
            return 0;
        }
    }

    @Command(name = "version", description = "Print the version.")
    static final class VersionCmd implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("arena " + Version.current() + " (Java " + Runtime.version() + ")");
            return 0;
        }
    }

    @Command(name = "admin", description = "Create an admin, moderator, viewer or ingest account (or change an existing one's role).")
    static final class Admin implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ConfigFlags flags;
        @Option(names = "--username", required = true) String username;
        @Option(names = "--role", defaultValue = "admin", description = "admin, moderator, viewer (read-only console) or ingest (a log-ingest service account)") String role;
        @Option(names = "--password-file", description = "read the password from this file "
                + "(else ARENA_ADMIN_PASSWORD, else prompt)") Path passwordFile;

        @Override
        public Integer call() throws Exception {
            Role r = switch (role.toLowerCase(Locale.ROOT)) {
                case "admin" -> Role.ADMIN;
                case "moderator" -> Role.MODERATOR;
                case "viewer" -> Role.VIEWER;
                case "ingest" -> Role.INGEST;
                default -> throw new ParameterException(spec.commandLine(), "--role must be admin, moderator, viewer or ingest");
            };
            // The same rules as registration: an account nobody could log in to is no use.
            var usernameProblem = CredentialRules.usernameProblem(username);
            if (usernameProblem.isPresent()) {
                throw new ParameterException(spec.commandLine(), "--username " + usernameProblem.get());
            }
            ArenaConfig config = flags.load();
            String password = password();
            if (password == null) {
                spec.commandLine().getErr().println("no password: use --password-file or ARENA_ADMIN_PASSWORD");
                return 2;
            }
            var passwordProblem = CredentialRules.passwordProblem(password);
            if (passwordProblem.isPresent()) {
                spec.commandLine().getErr().println("the password " + passwordProblem.get());
                return 2;
            }
            var player = AdminAccounts.ensure(config, username, password, r, Clock.systemUTC());
            spec.commandLine().getOut().printf("%s %s (id %s) is ready%n", r.wire(), player.username(), player.id());
            return 0;
        }

        private String password() throws Exception {
            if (passwordFile != null) {
                return Files.readString(passwordFile).strip();
            }
            String env = System.getenv("ARENA_ADMIN_PASSWORD");
            if (env != null && !env.isBlank()) {
                return env;
            }
            Console console = System.console();
            if (console == null) {
                return null;
            }
            return new String(console.readPassword("password for %s: ", username));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"arena " + current()};
        }
    }
}
