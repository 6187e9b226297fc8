package dev.arena.player;

import dev.arena.identity.Player;
import java.util.List;

/** {@code /players/{id}/profile}: everything about a player in one response; {@code rank} is null when unranked. */
public record Profile(Player player, PlayerStats stats, List<RecentMatch> recentGames, Long rank,
                      boolean profileComplete) {}
