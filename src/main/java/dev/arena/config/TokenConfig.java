package dev.arena.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Access and refresh tokens.
 *
 * @param secret     empty means "generate one and keep it in the data directory" (fine for one node; a cluster
 *                   must share an explicit secret)
 * @param accessTtl  access token lifetime
 * @param refreshTtl refresh token lifetime, never shorter than {@code accessTtl}
 */
public record TokenConfig(Optional<String> secret, Duration accessTtl, Duration refreshTtl) {}
