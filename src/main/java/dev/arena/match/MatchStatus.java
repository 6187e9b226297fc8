package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a match is in its life: waiting for players, running, or finished (written lower-case on the wire). */
public enum MatchStatus {
    WAITING, RUNNING, FINISHED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
