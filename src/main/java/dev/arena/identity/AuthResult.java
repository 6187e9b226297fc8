package dev.arena.identity;

/** What register, login, guest login and refresh return to the client. */
public record AuthResult(Player player, String token, String refreshToken, String tokenType, long expiresIn) {

    public AuthResult(Player player, String token, String refreshToken, long expiresIn) {
        this(player, token, refreshToken, "Bearer", expiresIn);
    }
}
