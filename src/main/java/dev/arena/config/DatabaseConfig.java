package dev.arena.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where data lives.
 *
 * @param url      empty means "start the embedded PostgreSQL under {@code dataDir}"
 * @param poolSize PostgreSQL connections in the pool
 * @param dataDir  the embedded database and generated secrets (absolute, normalised)
 */
public record DatabaseConfig(Optional<DatabaseUrl> url, int poolSize, Path dataDir) {}
