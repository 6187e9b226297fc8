package dev.arena.matchmaking.service;

/** Where a stored ticket is in its life: waiting, then matched or cancelled for good. */
public enum TicketStatus {
    WAITING, MATCHED, CANCELLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
