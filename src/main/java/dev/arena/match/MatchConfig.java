package dev.arena.match;

import java.time.Duration;
import java.util.Objects;

/**
 * How one match is run (not what is played: that is the game's settings). Build from {@link #defaults()} and
 * the {@code with...} methods.
 *
 * @param maxPlayers      seats in this match, within the game's {@link PlayerLimits}; 0 means the game's maximum
 * @param inboxCapacity   commands (inputs, joins, ...) waiting for the next tick, all players together; when
 *                        full, inputs and joins are refused with {@code busy}
 * @param inputsPerTick   inputs one player may have applied per tick; the excess of that tick is dropped and
 *                        counted
 * @param maxCatchUpTicks when the loop is late by at most this many ticks it runs them back to back; when later
 *                        it resets its schedule and counts the missed ticks as skipped
 * @param reconnectGrace  how long a disconnected player's seat is kept before the player forfeits
 * @param emptyTimeout    a match with no connected player for this long ends ({@code empty})
 * @param lobbyTimeout    once the game's minimum number of players is seated, how long to wait for more before
 *                        starting; a full match starts at once
 * @param maxSpectators   spectators at once
 */
public record MatchConfig(int maxPlayers, int inboxCapacity, int inputsPerTick, int maxCatchUpTicks,
                          Duration reconnectGrace, Duration emptyTimeout, Duration lobbyTimeout, int maxSpectators) {

    public MatchConfig {
        Objects.requireNonNull(reconnectGrace, "reconnectGrace");
        Objects.requireNonNull(emptyTimeout, "emptyTimeout");
        Objects.requireNonNull(lobbyTimeout, "lobbyTimeout");
        require(maxPlayers >= 0 && maxPlayers <= PlayerLimits.CEILING, "maxPlayers must be 0-64", maxPlayers);
        require(inboxCapacity >= 1, "inboxCapacity must be at least 1", inboxCapacity);
        require(inputsPerTick >= 1, "inputsPerTick must be at least 1", inputsPerTick);
        require(maxCatchUpTicks >= 1, "maxCatchUpTicks must be at least 1", maxCatchUpTicks);
        require(maxSpectators >= 0, "maxSpectators must not be negative", maxSpectators);
        if (reconnectGrace.isNegative() || lobbyTimeout.isNegative() || emptyTimeout.isNegative()
                || emptyTimeout.isZero()) {
            throw new IllegalArgumentException("reconnectGrace and lobbyTimeout must not be negative and emptyTimeout"
                    + " must be positive");
        }
    }

    private static void require(boolean ok, String message, int value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", was " + value);
        }
    }

    /**
     * 256 queued commands, 4 inputs per player per tick, catch up at most 5 ticks, 20 s grace, 30 s empty: the
     * defaults of the {@code ARENA_MATCH_*} keys a node runs with (ConfigLoaderTest checks they agree).
     */
    public static MatchConfig defaults() {
        return new MatchConfig(0, 256, 4, 5, Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(10),
                100);
    }

    public MatchConfig withMaxPlayers(int v) {
        return new MatchConfig(v, inboxCapacity, inputsPerTick, maxCatchUpTicks, reconnectGrace, emptyTimeout,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withInboxCapacity(int v) {
        return new MatchConfig(maxPlayers, v, inputsPerTick, maxCatchUpTicks, reconnectGrace, emptyTimeout,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withInputsPerTick(int v) {
        return new MatchConfig(maxPlayers, inboxCapacity, v, maxCatchUpTicks, reconnectGrace, emptyTimeout,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withMaxCatchUpTicks(int v) {
        return new MatchConfig(maxPlayers, inboxCapacity, inputsPerTick, v, reconnectGrace, emptyTimeout,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withReconnectGrace(Duration v) {
        return new MatchConfig(maxPlayers, inboxCapacity, inputsPerTick, maxCatchUpTicks, v, emptyTimeout,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withEmptyTimeout(Duration v) {
        return new MatchConfig(maxPlayers, inboxCapacity, inputsPerTick, maxCatchUpTicks, reconnectGrace, v,
                lobbyTimeout, maxSpectators);
    }

    public MatchConfig withLobbyTimeout(Duration v) {
        return new MatchConfig(maxPlayers, inboxCapacity, inputsPerTick, maxCatchUpTicks, reconnectGrace,
                emptyTimeout, v, maxSpectators);
    }

    public MatchConfig withMaxSpectators(int v) {
        return new MatchConfig(maxPlayers, inboxCapacity, inputsPerTick, maxCatchUpTicks, reconnectGrace,
                emptyTimeout, lobbyTimeout, v);
    }
}
