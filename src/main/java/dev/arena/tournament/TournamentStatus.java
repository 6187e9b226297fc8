package dev.arena.tournament;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** registering → checking_in → running → completed, or cancelled from any state before completed. */
public enum TournamentStatus {
    REGISTERING, CHECKING_IN, RUNNING, COMPLETED, CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TournamentStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** Players may still register, unregister, and the event may still be started. */
    public boolean open() {
        return this == REGISTERING || this == CHECKING_IN;
    }

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }
}
