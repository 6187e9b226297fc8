package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One match to create.
 *
 * @param id       the match id
 * @param seed     the seed of the rules' randomness; recorded in the event log, so a replay reproduces the match
 * @param settings the game's raw settings (validated by {@link GameFactory#settings}); empty for defaults
 * @param config   how the loop runs it
 * @param host     the host of a lobby game ({@code POST /games/create}): such a game starts only when every seated
 *                 player is ready or the host starts it ({@link HostControls}); null for a game that starts by
 *                 itself (matchmaking, tournaments, tests)
 * @param friendsOnly whether the match is shown only to its players (a private game its creator shares by code);
 *                 carried to its {@link MatchEnd}, so its stored replay stays private too
 */
public record MatchSpec(MatchId id, long seed, Map<String, Object> settings, MatchConfig config, PlayerId host,
                        boolean friendsOnly) {

    public MatchSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A match shown to everyone. */
    public MatchSpec(MatchId id, long seed, Map<String, Object> settings, MatchConfig config, PlayerId host) {
        this(id, seed, settings, config, host, false);
    }

    /** A match that starts by itself (no host). */
    public MatchSpec(MatchId id, long seed, Map<String, Object> settings, MatchConfig config) {
        this(id, seed, settings, config, null);
    }
}
