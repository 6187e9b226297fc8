package dev.arena.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a username and a password must look like. Checked wherever an account is made (registration over
 * HTTP, {@code arena admin}), so no account exists that its owner could not log in to.
 */
public final class CredentialRules {
    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 24;
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    public static final String USERNAME_RULE =
            "may contain letters, digits, '_', '.' and '-', and must start with a letter or digit";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;

    private CredentialRules() {}

    /** What is wrong with {@code username}, if anything. */
    public static Optional<String> usernameProblem(String username) {
        int len = username.codePointCount(0, username.length());
        if (len < USERNAME_MIN || len > USERNAME_MAX) {
            return Optional.of("must be between " + USERNAME_MIN + " and " + USERNAME_MAX + " characters");
        }
        return USERNAME.matcher(username).matches() ? Optional.empty() : Optional.of(USERNAME_RULE);
    }

    /** What is wrong with {@code password}, if anything. */
    public static Optional<String> passwordProblem(String password) {
        int len = password.codePointCount(0, password.length());
        return len < PASSWORD_MIN || len > PASSWORD_MAX
                ? Optional.of("must be between " + PASSWORD_MIN + " and " + PASSWORD_MAX + " characters")
                : Optional.empty();
    }
}
