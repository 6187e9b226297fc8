package dev.arena.match;

import java.util.Map;

/**
 * A game the platform can run: the service interface a studio implements to add its own game. Listed in
 * {@code META-INF/services/dev.arena.match.GameFactory} of the game's jar (a public class with a public
 * no-argument constructor) and found with {@link java.util.ServiceLoader} by {@link GameCatalog}.
 *
 * @param <C> validated settings
 * @param <S> the game state
 * @param <I> the game's inputs
 */
public interface GameFactory<C, S, I> {

    /** Mode name, tick rate and player limits. Must return the same value every time. */
    GameInfo info();

    /**
     * Validates the per-match settings of {@code POST /games/create {settings}} into an immutable value.
     * An empty map means "all defaults".
     *
     * @throws dev.arena.common.ArenaException.Invalid listing every invalid field at once (fields named
     *                                                  {@code settings.<key>}); unknown keys are errors
     */
    C settings(Map<String, ?> raw);

    /** The rules; stateless, so one instance may serve every match. */
    GameRules<C, S, I> rules();

    /**
     * Whether the players report this game's result ({@code POST /games/{id}/finish}) instead of the rules: the
     * rules of a relayed game never end it themselves. False for server-authoritative games.
     */
    default boolean relayed() {
        return false;
    }
}
