package dev.arena.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.presence.Member;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceBatchTest {
    private final PresenceBatch batch = new PresenceBatch("big");

    private static Member member(String name) {
        return new Member(UUID.randomUUID(), name, UUID.randomUUID(), "node-secret");
    }

    private static RoomEvent.Presence change(Member m, boolean joined) {
        return new RoomEvent.Presence("big", joined, m, Instant.EPOCH);
    }

    @Test
    void theFirstChangeIsDueAtOnceThenOnePerInterval() {
        Member a = member("a");
        batch.add(change(a, true));
        assertThat(batch.due(1_000, 1)).isTrue();
        batch.drain(1_000);
        batch.add(change(member("b"), true));
        assertThat(batch.due(1_249, 2)).isFalse();
        assertThat(batch.due(1_250, 2)).isTrue();
    }

    @Test
    void oneDiffCarriesEveryJoinAndLeaveOfTheWindowWithoutTheNode() {
        Member stays = member("stays");
        Member goes = member("goes \"quoted\"");
        batch.add(change(stays, true));
        batch.add(change(goes, false));
        JsonObject diff = new JsonObject(batch.drain(0));
        assertThat(diff.getString("type")).isEqualTo("presence.diff");
        assertThat(diff.getString("room")).isEqualTo("big");
        assertThat(diff.getJsonArray("joins").getJsonObject(0).getString("session_id"))
                .isEqualTo(stays.sessionId().toString());
        assertThat(diff.getJsonArray("leaves").getJsonObject(0).getString("display_name")).isEqualTo("goes \"quoted\"");
        assertThat(diff.encode()).doesNotContain("node-secret");
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void aCrowdsDiffNamesTwentyJoinsAndTwentyLeavesAndCountsTheRest() {
        for (int i = 0; i < 25; i++) {
            batch.add(change(member("in" + i), true));
        }
        for (int i = 0; i < 21; i++) {
            batch.add(change(member("out" + i), false));
        }
        JsonObject diff = new JsonObject(batch.drain(0));
        assertThat(diff.getJsonArray("joins")).hasSize(PresenceBatch.LISTED_PER_DIFF);
        assertThat(diff.getJsonArray("joins").getJsonObject(0).getString("display_name")).isEqualTo("in0");
        assertThat(diff.getJsonArray("leaves")).hasSize(PresenceBatch.LISTED_PER_DIFF);
        assertThat(diff.getInteger("omitted_joins")).isEqualTo(5);
        assertThat(diff.getInteger("omitted_leaves")).isEqualTo(1);
    }

    @Test
    void aDiffThatNamesEveryChangeHasNoOmittedCounts() {
        for (int i = 0; i < PresenceBatch.LISTED_PER_DIFF; i++) {
            batch.add(change(member("in" + i), true));
        }
        JsonObject diff = new JsonObject(batch.drain(0));
        assertThat(diff.getJsonArray("joins")).hasSize(PresenceBatch.LISTED_PER_DIFF);
        assertThat(diff.containsKey("omitted_joins")).isFalse();
        assertThat(diff.containsKey("omitted_leaves")).isFalse();
    }

    @Test
    void fillingARoomOfFiveThousandSendsUnderTwoHundredMegabytesOfPresence() {
        // 5,000 joins evenly over 5 s; each diff goes to every member present. Naming every join cost ~1.3 GB.
        long bytes = 0;
        int members = 0;
        for (long now = 0; now < 5_000; now++) {
            batch.add(change(member("player-" + now), true));
            members++;
            if (batch.due(now, members)) {
                bytes += (long) batch.drain(now).length() * members;
            }
        }
        bytes += (long) batch.drain(5_000).length() * members;
        assertThat(bytes).isLessThan(200_000_000L);
    }

    @Test
    void aJoinAndALeaveOfOneConnectionWithinAWindowCancelOut() {
        Member brief = member("brief");
        batch.add(change(brief, true));
        batch.add(change(brief, false));
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.due(10_000, 1)).isFalse();
    }

    @Test
    void bigRoomsWaitLongerUpToTwoSeconds() {
        assertThat(PresenceBatch.intervalMillis(1)).isEqualTo(250);
        assertThat(PresenceBatch.intervalMillis(999)).isEqualTo(250);
        assertThat(PresenceBatch.intervalMillis(1_000)).isEqualTo(500);
        assertThat(PresenceBatch.intervalMillis(5_000)).isEqualTo(1_500);
        assertThat(PresenceBatch.intervalMillis(100_000)).isEqualTo(2_000);
    }

    @Test
    void fillingARoomOfFiveThousandCostsFewFramesWhenJoinsArriveOverFiveSeconds() {
        // 5,000 joins evenly over 5 s (1 per ms); each diff goes to every member present: count member-frames
        long frames = 0;
        int members = 0;
        for (long now = 0; now < 5_000; now++) {
            batch.add(change(member("m" + now), true));
            members++;
            if (batch.due(now, members)) {
                batch.drain(now);
                frames += members;
            }
        }
        frames += members; // the last diff
        assertThat(frames).isLessThan(50_000); // one frame per join per member would be 12.5 million
    }
}
