package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one game, as pure functions of an immutable state. The match loop owns the state and calls
 * these methods one at a time; the rules object itself keeps no state and may be shared by every match.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Deterministic</b>: the same seed, settings and ordered calls give the same states and events. No wall
 *       clock, no unseeded randomness, no iteration over hash-ordered collections whose order leaks into
 *       results. Randomness comes from a generator whose state is part of {@code S}. {@link Replay} relies on
 *       this and tests it.</li>
 *   <li><b>Immutable state</b>: {@code S} is never modified; every change returns a new value. {@code S} has
 *       value {@code equals} (records of immutable lists), so a replay can be compared with the original.
 *       {@link #view} and {@link #result} may be called from any thread on a published state.</li>
 *   <li><b>Validation is the rules' job</b>: {@link #input} checks everything a modified client could lie
 *       about (speed, range, cooldowns, turn, a dead or unknown player) and rejects with a reason code.</li>
 *   <li><b>Ticks</b>: the loop numbers ticks 1, 2, 3, ... from the match's creation. Inputs, joins and leaves
 *       that arrive between tick {@code n-1} and tick {@code n} are applied to the state after tick
 *       {@code n-1} and take effect in tick {@code n}; {@link #tick} is called once per tick from
 *       {@link #start} on, never before.</li>
 * </ul>
 *
 * @param <C> validated settings (a record), from {@link GameFactory#settings}
 * @param <S> the state: immutable, value equality
 * @param <I> the inputs players send: a sealed interface of records
 */
public interface GameRules<C, S, I> {

    /** The state of a new match, before anyone has joined. */
    S init(long seed, C settings);

    /**
     * May this player join now? The loop has already checked the match's seat limit, that the player is not
     * already seated and has not forfeited; the rules add their own conditions (e.g. no joining once started).
     */
    JoinDecision canJoin(S state, PlayerId player);

    /** Seats a player {@link #canJoin} accepted. */
    Step<S> join(S state, PlayerId player);

    /** The match begins: called once, when enough players have joined, before {@code tick(state, tick)}. */
    Step<S> start(S state, long tick);

    /**
     * A seated player leaves for good: before the start it just frees the seat; after it, it is a forfeit
     * (the player loses). Called for voluntary leaves and when a disconnected player's grace period runs out.
     */
    Step<S> leave(S state, PlayerId player);

    /** Validates one input against the state and applies it. Never throws for a bad input: rejects it. */
    InputResult<S> input(S state, PlayerId player, I input);

    /** Advances the simulation to tick {@code tick} (one more than the last). */
    Step<S> tick(S state, long tick);

    /** The result once the match is over by the rules (checked after every tick); empty while it goes on. */
    Optional<MatchResult> result(S state);

    /** The public view of the state, for spectators, joiners and {@code GET /games/{id}/state}. */
    PublicState view(S state);

    /**
     * Decodes one input from its JSON object form ({@code {"type": "move", "dx": 3, "dy": -4}}), as parsed by
     * Jackson into maps, lists, strings, numbers and booleans. Unknown fields are ignored.
     *
     * @throws MalformedInput when the input cannot be understood
     */
    I decodeInput(Map<String, ?> raw);

    /** The inverse of {@link #decodeInput}: {@code decodeInput(encodeInput(i)).equals(i)}. Used to store logs. */
    Map<String, Object> encodeInput(I input);
}
