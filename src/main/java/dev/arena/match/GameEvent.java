package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Something that happened in a match, public to everyone watching it: a state delta (a fighter moved) or a
 * discrete event (a hit, a disc dropped). Each game declares its events as a sealed interface of records
 * extending this one. Events are written to the wire by {@code dev.arena.common.Json} (snake_case fields),
 * so each record owns its wire format; {@link #type()} names it and must be unique within the game.
 *
 * <p>Deltas carry absolute values ({@code hp: 70}, never {@code hp: -10}), so applying one to a snapshot
 * that already includes it is harmless.
 */
@JsonPropertyOrder({"type"})
public interface GameEvent {
    @JsonProperty("type")
    String type();
}
