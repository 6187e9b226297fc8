package dev.arena.app;

import dev.arena.config.ArenaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token-signing secret: {@code ARENA_TOKEN_SECRET} when set, else one generated on first start and
 * kept in {@code ARENA_DATA_DIR/token-secret} (owner-only), so tokens survive a restart of a single node.
 */
final class TokenSecret {
    private TokenSecret() {}

    static String resolve(ArenaConfig config) {
        if (config.tokens().secret().isPresent()) {
            return config.tokens().secret().get();
        }
        Path file = config.database().dataDir().resolve("token-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(config.database().dataDir());
            byte[] b = new byte[48];
            new SecureRandom().nextBytes(b);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the directory's permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
