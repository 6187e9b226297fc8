package dev.arena.chat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A player's restrictions in force: the ban (null when none) and the mutes. */
public record ModerationStatus(UUID playerId, Ban ban, List<Mute> mutes) {

    public ModerationStatus {
        mutes = List.copyOf(mutes);
    }

    public static ModerationStatus none(UUID playerId) {
        return new ModerationStatus(playerId, null, List.of());
    }

    /** The same without the mutes that have run out by {@code now}. */
    public ModerationStatus activeAt(Instant now) {
        return mutes.stream().allMatch(m -> m.activeAt(now)) ? this
                : new ModerationStatus(playerId, ban, mutes.stream().filter(m -> m.activeAt(now)).toList());
    }

    /** The mute silencing the player in {@code room} at {@code now}; of several, the one ending last. */
    public Optional<Mute> muteIn(String room, Instant now) {
        return mutes.stream().filter(m -> m.activeAt(now) && m.covers(room)).max(Comparator.comparing(Mute::until));
    }

    /** No ban and no mutes (named so that JSON mapping does not take it for a property). */
    public boolean unrestricted() {
        return ban == null && mutes.isEmpty();
    }
}
