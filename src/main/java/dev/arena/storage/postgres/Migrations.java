package dev.arena.storage.postgres;

import dev.arena.config.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations in {@code classpath:db/migration}. Blocking: call at start-up only. */
public final class Migrations {
    private Migrations() {}

    public static MigrateResult migrate(DatabaseUrl url) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
