package dev.arena.identity;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Argon2id from argon2-jvm (the reference C implementation through JNA). Blocking and deliberately slow:
 * call it on a worker, never on an event loop.
 *
 * <p>Parameters follow OWASP's Argon2id minimum (19 MiB memory, 2 iterations, 1 lane). The hash string
 * records its parameters, so raising them later still verifies old hashes.
 */
public final class PasswordHasher {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

    public String hash(String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    public boolean verify(String hash, String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.verify(hash, chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }
}
