package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL keeps players' data safely: zonky's test-speed defaults (fsync off, and a
 * {@code -F} flag on the command line) are overridden. Checked on the shared test server, which
 * {@link PostgresServer#startEmbedded} started exactly as a node's embedded default is started.
 */
class PostgresServerIntegrationTest {

    @Test
    void durabilitySettingsAreOn() {
        assertThat(TestDatabases.queryOne("SHOW fsync")).isEqualTo("on");
        assertThat(TestDatabases.queryOne("SHOW synchronous_commit")).isEqualTo("on");
        assertThat(TestDatabases.queryOne("SHOW full_page_writes")).isEqualTo("on");
    }

    @Test
    void itListensOnLocalhostOnlyAndServesARecentPostgres() {
        assertThat(TestDatabases.queryOne("SHOW listen_addresses")).isEqualTo("localhost");
        assertThat(Integer.parseInt(TestDatabases.queryOne("SHOW server_version_num"))).isGreaterThanOrEqualTo(150000);
    }
}
