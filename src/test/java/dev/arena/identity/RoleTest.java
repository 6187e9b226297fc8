package dev.arena.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two role sets merged side by side: the console's viewer in the ranking, the log-ingest account beside it. */
class RoleTest {

    @Test
    void viewerRanksBetweenPlayerAndModerator() {
        assertThat(Role.VIEWER.atLeast(Role.PLAYER)).isTrue();
        assertThat(Role.VIEWER.atLeast(Role.MODERATOR)).isFalse();
        assertThat(Role.MODERATOR.atLeast(Role.VIEWER)).isTrue();
        assertThat(Role.ADMIN.atLeast(Role.MODERATOR)).isTrue();
    }

    @Test
    void ingestHasAPlayersRankAndNoConsolePowers() {
        assertThat(Role.INGEST.atLeast(Role.PLAYER)).isTrue();
        assertThat(Role.INGEST.atLeast(Role.VIEWER)).isFalse();
        assertThat(Role.INGEST.atLeast(Role.MODERATOR)).isFalse();
    }

    @Test
    void onlyAdminsAndIngestAccountsSendLogs() {
        assertThat(Role.INGEST.mayIngestLogs()).isTrue();
        assertThat(Role.ADMIN.mayIngestLogs()).isTrue();
        assertThat(Role.VIEWER.mayIngestLogs()).isFalse();
        assertThat(Role.MODERATOR.mayIngestLogs()).isFalse();
        assertThat(Role.PLAYER.mayIngestLogs()).isFalse();
    }

    @Test
    void everyRoleRoundTripsOnTheWire() {
        for (Role r : Role.values()) {
            assertThat(Role.fromWire(r.wire())).isEqualTo(r);
        }
    }
}
