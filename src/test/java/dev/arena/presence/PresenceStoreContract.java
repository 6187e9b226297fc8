package dev.arena.presence;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PresenceStore} must have. Room and node names are unique per test, so a store on a
 * shared server needs no flushing. Order of {@code list} is not part of the contract (the local store keeps join
 * order, Redis orders by join time).
 */
public abstract class PresenceStoreContract {
    protected PresenceStore store;

    protected abstract PresenceStore create();

    @BeforeEach
    void createStore() {
        store = create();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static Member member(String name, String node) {
        return new Member(UUID.randomUUID(), name, UUID.randomUUID(), node);
    }

    @Test
    void listsWhoWasAddedPerRoomWithTheirNode() {
        String room = unique("room");
        String other = unique("room");
        String node = unique("node");
        Member ann = member("Ann", node);
        Member bob = member("Bob \"B\"", node);

        assertThat(await(store.list(room))).isEmpty();
        await(store.add(room, ann));
        await(store.add(room, bob));

        assertThat(await(store.list(room))).containsExactlyInAnyOrder(ann, bob);
        assertThat(await(store.list(room))).extracting(Member::node).containsOnly(node);
        assertThat(await(store.list(other))).isEmpty();
    }

    @Test
    void aPageIsASliceOfTheListWithTheRoomsCount() {
        String room = unique("room");
        String node = unique("node");
        for (int i = 0; i < 5; i++) {
            await(store.add(room, member("m" + i, node)));
        }
        List<Member> all = await(store.list(room));
        PresenceStore.Page first = await(store.page(room, 0, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.members()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(await(store.page(room, 3, 10)).members()).containsExactlyElementsOf(all.subList(3, 5));
        assertThat(await(store.page(room, 9, 10))).isEqualTo(new PresenceStore.Page(List.of(), 5));
        assertThat(await(store.page(unique("room"), 0, 10))).isEqualTo(PresenceStore.Page.EMPTY);
    }

    @Test
    void presenceIsPerConnection() {
        String room = unique("room");
        String node = unique("node");
        UUID player = UUID.randomUUID();
        Member phone = new Member(player, "Ann", UUID.randomUUID(), node);
        Member laptop = new Member(player, "Ann", UUID.randomUUID(), node);
        await(store.add(room, phone));
        await(store.add(room, laptop));
        await(store.add(room, phone)); // added again: still once

        assertThat(await(store.list(room))).containsExactlyInAnyOrder(phone, laptop);
    }

    @Test
    void removeSaysWhetherTheMemberWasThere() {
        String room = unique("room");
        String node = unique("node");
        Member ann = member("Ann", node);
        Member bob = member("Bob", node);
        await(store.add(room, ann));
        await(store.add(room, bob));

        assertThat(await(store.remove(room, ann))).isTrue();
        assertThat(await(store.remove(room, ann))).isFalse();
        assertThat(await(store.remove(unique("room"), bob))).isFalse();
        assertThat(await(store.list(room))).containsExactly(bob);
        assertThat(await(store.remove(room, bob))).isTrue();
        assertThat(await(store.list(room))).isEmpty();
    }

    @Test
    void removeNodeRemovesExactlyThatNodesMembersAndSaysWhere() {
        String r1 = unique("room");
        String r2 = unique("room");
        String dead = unique("node");
        String alive = unique("node");
        Member a1 = member("A1", dead);
        Member a2 = member("A2", dead);
        Member b1 = member("B1", alive);
        await(store.add(r1, a1));
        await(store.add(r2, a2));
        await(store.add(r2, a1)); // one connection in two rooms
        await(store.add(r1, b1));

        List<PresenceStore.Removed> removed = await(store.removeNode(dead));

        assertThat(removed).containsExactlyInAnyOrder(new PresenceStore.Removed(r1, a1),
                new PresenceStore.Removed(r2, a2), new PresenceStore.Removed(r2, a1));
        assertThat(await(store.list(r1))).containsExactly(b1);
        assertThat(await(store.list(r2))).isEmpty();
        assertThat(await(store.removeNode(dead))).as("a second sweep finds nothing").isEmpty();
        assertThat(await(store.removeNode(unique("node")))).isEmpty();
    }

    @Test
    void aMemberRemovedBeforeTheNodeDiesIsNotReportedAgain() {
        String room = unique("room");
        String node = unique("node");
        Member gone = member("Gone", node);
        Member stays = member("Stays", node);
        await(store.add(room, gone));
        await(store.add(room, stays));
        await(store.remove(room, gone));

        assertThat(await(store.removeNode(node))).containsExactly(new PresenceStore.Removed(room, stays));
    }
}
