package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Exit statuses of the command line; none of these starts a server. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void badConfigurationExitsWithTwoAndListsEveryProblem() {
        assertThat(run("serve", "--port", "eighty", "--log-level", "loud", "--database-url", "mysql://db/x")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid configuration:")
                .contains("ARENA_PORT: 'eighty' is not a whole number")
                .contains("ARENA_LOG_LEVEL: 'loud' must be one of")
                .contains("ARENA_DATABASE_URL: 'mysql://db/x' scheme must be postgres://");
    }

    @Test
    void everyCommandThatReadsConfigurationRefusesItTheSameWay() {
        assertThat(run("migrate", "--redis-url", "http://x")).isEqualTo(2);
        assertThat(run("admin", "--username", "root", "--port", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("ARENA_REDIS_URL").contains("ARENA_PORT");
    }

    @Test
    void aMissingConfigFileExitsWithTwo() {
        assertThat(run("serve", "--config", "/no/such/arena.properties")).isEqualTo(2);
        assertThat(err.toString()).contains("ARENA_CONFIG: cannot read /no/such/arena.properties");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("serve", "--no-such-flag")).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(run("admin")).as("--username is required").isEqualTo(2);
        assertThat(run("admin", "--username", "root", "--role", "player")).isEqualTo(2);
        assertThat(run("admin", "--username", "root", "--role", "emperor")).isEqualTo(2);
        assertThat(err.toString()).contains("--role must be admin, moderator, viewer or ingest");
    }

    @Test
    void versionAndHelpExitWithZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("arena ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "migrate", "version", "admin");
    }
}
