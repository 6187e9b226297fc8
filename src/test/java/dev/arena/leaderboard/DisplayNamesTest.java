package dev.arena.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.storage.local.LocalProfileChanges;
import dev.arena.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    private final MutableClock clock = new MutableClock();
    private final LocalProfileChanges changes = new LocalProfileChanges();
    private final Map<UUID, String> accounts = new HashMap<>();
    private final List<List<UUID>> loads = new ArrayList<>();
    private Promise<Void> gate; // when set, a load answers only once it completes
    private final DisplayNames names = new DisplayNames(this::load, changes, 100, clock);

    private Future<Map<UUID, String>> load(Collection<UUID> ids) {
        loads.add(List.copyOf(ids));
        Map<UUID, String> found = new HashMap<>();
        ids.forEach(id -> {
            if (accounts.containsKey(id)) {
                found.put(id, accounts.get(id));
            }
        });
        return gate == null ? Future.succeededFuture(found) : gate.future().map(v -> found);
    }

    private UUID account(String name) {
        UUID id = UUID.randomUUID();
        accounts.put(id, name);
        return id;
    }

    @Test
    void aSecondPageOfTheSamePlayersCostsNoQueryAndOnlyTheNewOnesAreLoaded() {
        UUID ann = account("Ann");
        UUID bob = account("Bob");
        assertThat(names.of(List.of(ann, bob)).result()).containsOnly(Map.entry(ann, "Ann"), Map.entry(bob, "Bob"));
        assertThat(names.of(List.of(bob, ann)).result()).containsOnly(Map.entry(ann, "Ann"), Map.entry(bob, "Bob"));
        assertThat(loads).hasSize(1);

        UUID cy = account("Cy");
        assertThat(names.of(List.of(ann, cy)).result()).containsOnly(Map.entry(ann, "Ann"), Map.entry(cy, "Cy"));
        assertThat(loads).containsExactly(List.of(ann, bob), List.of(cy));
    }

    @Test
    void aRenameToldToProfileChangesShowsOnTheNextRead() {
        UUID ann = account("Ann");
        names.of(List.of(ann));
        accounts.put(ann, "Annie");
        assertThat(names.of(List.of(ann)).result()).containsEntry(ann, "Ann"); // not told yet: the cached name
        changes.changed(ann);
        assertThat(names.of(List.of(ann)).result()).containsEntry(ann, "Annie");
    }

    @Test
    void aDeletedAccountIsRememberedAsAbsentSoItCostsNoQueryPerPage() {
        UUID gone = UUID.randomUUID();
        assertThat(names.of(List.of(gone)).result()).isEmpty();
        assertThat(names.of(List.of(gone)).result()).isEmpty();
        assertThat(loads).hasSize(1);
    }

    @Test
    void aLoadOvertakenByARenameKeepsNothingItRead() {
        UUID ann = account("Ann");
        gate = Promise.promise();
        Future<Map<UUID, String>> racing = names.of(List.of(ann)); // reads "Ann" ...
        accounts.put(ann, "Annie");
        changes.changed(ann); // ... and the rename is told before that load is kept
        gate.complete();
        assertThat(racing.result()).containsEntry(ann, "Ann"); // this answer may be old, as any racing read
        gate = null;
        assertThat(names.of(List.of(ann)).result()).containsEntry(ann, "Annie");
        assertThat(names.size()).isEqualTo(1);
    }

    @Test
    void anEntryIsTrustedForItsTtlOnlyBoundingAMissedChange() {
        UUID ann = account("Ann");
        names.of(List.of(ann));
        accounts.put(ann, "Annie"); // renamed on a node whose message never came
        clock.advance(DisplayNames.TTL.minusMillis(1));
        assertThat(names.of(List.of(ann)).result()).containsEntry(ann, "Ann");
        clock.advance(Duration.ofMillis(1));
        assertThat(names.of(List.of(ann)).result()).containsEntry(ann, "Annie");
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(account("p" + i));
        }
        names.of(many);
        assertThat(names.size()).isEqualTo(100);
        UUID one = account("one");
        names.of(List.of(one));
        assertThat(names.size()).isEqualTo(1);
    }
}
