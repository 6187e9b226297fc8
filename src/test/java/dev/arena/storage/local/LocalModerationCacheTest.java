package dev.arena.storage.local;

import dev.arena.chat.Ban;
import dev.arena.chat.ChatMessage;
import dev.arena.chat.ChatStore;
import dev.arena.chat.ModerationStatus;
import dev.arena.chat.Mute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cache's own rules, over a store whose answers the test releases one by one. */
class LocalModerationCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final UUID PLAYER = UUID.randomUUID();
    private static final UUID MOD = UUID.randomUUID();

    private final HeldStore store = new HeldStore();
    private final LocalModerationCache cache = new LocalModerationCache(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void unknownPlayersAreUnrestrictedAndCostNoEntry() {
        assertThat(cache.get(PLAYER).unrestricted()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void loadFillsEveryRestrictedPlayer() {
        Future<Void> loaded = cache.load();
        store.restricted.complete(List.of(muted("load")));
        assertThat(loaded.succeeded()).isTrue();
        assertThat(cache.get(PLAYER).muteIn("lobby", NOW)).isPresent();
    }

    @Test
    void anOlderReloadFinishingLastDoesNotUndoANewerOne() {
        Future<Void> first = cache.invalidate(PLAYER);   // started before an unmute
        Future<Void> second = cache.invalidate(PLAYER);  // started after it
        store.statuses.removeLast().complete(ModerationStatus.none(PLAYER)); // the newer answer arrives first
        store.statuses.removeLast().complete(muted("stale"));
        assertThat(first.succeeded() && second.succeeded()).isTrue();
        assertThat(cache.get(PLAYER).unrestricted()).isTrue();
    }

    @Test
    void aNewerReloadReplacesAnOlderOne() {
        cache.invalidate(PLAYER);
        store.statuses.removeFirst().complete(muted("first"));
        cache.invalidate(PLAYER);
        store.statuses.removeFirst().complete(ModerationStatus.none(PLAYER));
        assertThat(cache.get(PLAYER).unrestricted()).isTrue();
    }

    @Test
    void expiredMutesStayUntilReloadedButNoLongerSilence() {
        cache.invalidate(PLAYER);
        store.statuses.removeFirst().complete(muted("short"));
        assertThat(cache.get(PLAYER).muteIn("lobby", NOW.plusSeconds(59))).isPresent();
        assertThat(cache.get(PLAYER).muteIn("lobby", NOW.plusSeconds(60))).isEmpty();
        assertThat(cache.get(PLAYER).activeAt(NOW.plusSeconds(60)).unrestricted()).isTrue();
    }

    private static ModerationStatus muted(String reason) {
        return new ModerationStatus(PLAYER, null, List.of(new Mute(PLAYER, null, NOW.plusSeconds(60), reason, MOD, NOW)));
    }

    /** Answers status and restricted queries only when the test completes their promises. */
    private static final class HeldStore implements ChatStore {
        final Deque<Promise<ModerationStatus>> statuses = new ArrayDeque<>();
        final Promise<List<ModerationStatus>> restricted = Promise.promise();

        @Override
        public Future<ModerationStatus> status(UUID playerId, Instant now) {
            Promise<ModerationStatus> p = Promise.promise();
            statuses.addLast(p);
            return p.future();
        }

        @Override
        public Future<List<ModerationStatus>> restricted(Instant now) {
            return restricted.future();
        }

        @Override
        public Future<ChatMessage> append(Draft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<List<ChatMessage>> newestBefore(List<String> rooms, long before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Mute> mute(Mute mute, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Integer> unmute(UUID playerId, Optional<String> room, UUID by, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Ban> ban(Ban ban) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Boolean> unban(UUID playerId, UUID by, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
