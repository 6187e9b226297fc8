package dev.arena.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Access and refresh tokens.
 *
 * @param secret     empty means "generate one and keep it in the data directory" (fine for one node; a cluster
 *                   must share an explicit secret)
 * @param previous   earlier secrets, accepted when verifying but never used to sign: a rotation keeps every
 *                   issued token valid until it expires
 * @param accessTtl  access token lifetime
 * @param refreshTtl refresh token lifetime, never shorter than {@code accessTtl}
 */
public record TokenConfig(Optional<String> secret, List<String> previous, Duration accessTtl, Duration refreshTtl) {
    public TokenConfig {
        previous = List.copyOf(previous);
    }
}
