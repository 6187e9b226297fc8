package dev.arena.chat;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.app.ArenaNode;
import dev.arena.common.ArenaException;
import dev.arena.config.ConfigLoader;
import dev.arena.identity.AuthResult;
import dev.arena.identity.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.arena.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Chat against a real node and its embedded PostgreSQL (one node for the whole class): the service as the
 * gateway calls it, and the HTTP API. Time is a test clock; mute expiry is tested by moving it.
 */
class ChatIntegrationTest {
    private static final String SECRET = "chat-integration-test-secret-0123456789";
    private static final int MAX_LENGTH = 100;

    private static Path dataDir;
    private static MutableClock clock;
    private static ArenaNode node;
    private static HttpClient http;
    private static User moderator;
    private static User admin;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("arena-chat-test-");
        clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
        node = startNode();
        http = HttpClient.newHttpClient();
        moderator = privileged("chat_mod", Role.MODERATOR);
        admin = privileged("chat_admin", Role.ADMIN);
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ArenaNode startNode() {
        return ArenaNode.start(ConfigLoader.load(Map.of("ARENA_HOST", "127.0.0.1", "ARENA_PORT", "0",
                "ARENA_DATA_DIR", dataDir.toString(), "ARENA_TOKEN_SECRET", SECRET,
                "ARENA_CHAT_MAX_LENGTH", Integer.toString(MAX_LENGTH), "ARENA_HTTP_INSTANCES", "1"), Map.of()), clock);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Posting {
        @Test
        void postPersistsAndReturnsTheStoredMessage() {
            User alice = guest();
            ChatMessage m = await(chat().post(alice.id(), alice.name(), "lobby-persist", "hello there"));
            assertThat(m.id()).isPositive();
            assertThat(m.room()).isEqualTo("lobby-persist");
            assertThat(m.from()).isEqualTo(alice.id());
            assertThat(m.displayName()).isEqualTo(alice.name());
            assertThat(m.message()).isEqualTo("hello there");
            assertThat(m.ts()).isEqualTo(clock.instant());
            assertThat(await(chat().history("lobby-persist", null, 10)).messages()).containsExactly(m);
        }

        @Test
        void textIsTrimmedAndLimitedInCharactersNotBytes() {
            User u = guest();
            assertThat(await(chat().post(u.id(), u.name(), "lobby-len", "  hi\n  ")).message()).isEqualTo("hi");
            assertThat(await(chat().post(u.id(), u.name(), "lobby-len", "line one\nline\ttwo")).message())
                    .isEqualTo("line one\nline\ttwo");
            String hundredEmoji = "😀".repeat(MAX_LENGTH);
            assertThat(await(chat().post(u.id(), u.name(), "lobby-len", hundredEmoji)).message())
                    .isEqualTo(hundredEmoji);
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", "x".repeat(MAX_LENGTH + 1)), "message",
                    "at most 100");
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", ""), "message", "empty");
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", " \n\t "), "message", "empty");
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", null), "message", "required");
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", "nul\u0000byte"), "message", "control");
            assertInvalid(chat().post(u.id(), u.name(), "lobby-len", "bell\u0007"), "message", "control");
            assertThat(await(chat().history("lobby-len", null, 100)).messages()).hasSize(3);
        }

        @Test
        void roomsAreCheckedAndReservedNamesRefused() {
            User u = guest();
            assertInvalid(chat().post(u.id(), u.name(), "bad room", "hi"), "room", "1-64");
            assertInvalid(chat().post(u.id(), u.name(), "", "hi"), "room", "1-64");
            assertInvalid(chat().post(u.id(), u.name(), null, "hi"), "room", "1-64");
            assertInvalid(chat().post(u.id(), u.name(), "r".repeat(65), "hi"), "room", "1-64");
            assertFails(chat().post(u.id(), u.name(), ChatRooms.direct(u.id(), UUID.randomUUID()), "hi"),
                    ArenaException.Forbidden.class);
            assertFails(chat().post(u.id(), u.name(), "user:" + u.id(), "hi"), ArenaException.Forbidden.class);
            assertThat(await(chat().post(u.id(), u.name(), "chat:lobby_1.a-b", "hi")).room())
                    .isEqualTo("chat:lobby_1.a-b");
        }

        @Test
        void profanityIsMaskedBeforeItIsStored() {
            User u = guest();
            ChatMessage m = await(chat().post(u.id(), u.name(), "lobby-filter", "what the f.u.c.k, classic"));
            assertThat(m.message()).isEqualTo("what the *******, classic");
            assertThat(await(chat().history("lobby-filter", null, 1)).messages().getFirst().message())
                    .isEqualTo("what the *******, classic");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Moderation {
        @Test
        void mutedPlayerIsToldUntilWhenAndWhyThenPostsAgainAfterExpiry() {
            User spammer = guest();
            Instant until = clock.instant().plusSeconds(60);
            Res muted = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", spammer.idText())
                    .put("room", "mute-room").put("duration_seconds", 60).put("reason", "spamming links"));
            assertThat(muted.status()).as(muted.body()).isEqualTo(201);
            assertThat(muted.json().getString("until")).isEqualTo(until.toString());
            assertThat(muted.json().getString("room")).isEqualTo("mute-room");
            assertThat(muted.json().getString("by")).isEqualTo(moderator.idText());

            assertRejected(chat().post(spammer.id(), spammer.name(), "mute-room", "buy now"), "muted",
                    until.toString(), "spamming links", "mute-room");
            // the mute is for that room only
            await(chat().post(spammer.id(), spammer.name(), "other-room", "hi"));

            clock.advance(Duration.ofSeconds(59));
            assertRejected(chat().post(spammer.id(), spammer.name(), "mute-room", "still?"), "muted");
            clock.advance(Duration.ofSeconds(1));
            assertThat(await(chat().post(spammer.id(), spammer.name(), "mute-room", "I'm back")).message())
                    .isEqualTo("I'm back");
            Res status = call("GET", "/chat/moderation/" + spammer.idText(), moderator, null);
            assertThat(status.json().getJsonArray("mutes")).isEmpty();
        }

        @Test
        void aMuteWithoutRoomCoversEveryRoomAndDirectMessagesUntilLifted() {
            User loud = guest();
            User friend = guest();
            mute(loud, null, 3600, "cool down");
            assertRejected(chat().post(loud.id(), loud.name(), "any-room", "hi"), "muted", "in all chat",
                    "cool down");
            assertRejected(chat().direct(loud.id(), loud.name(), friend.id(), "psst"), "muted");

            Res lifted = call("DELETE", "/chat/mutes/" + loud.idText(), moderator, null);
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
            await(chat().post(loud.id(), loud.name(), "any-room", "thanks"));
            assertThat(call("DELETE", "/chat/mutes/" + loud.idText(), moderator, null).status()).isEqualTo(404);
        }

        @Test
        void unmuteWithARoomLiftsOnlyThatRoom() {
            User u = guest();
            mute(u, "room-a", 600, "a");
            mute(u, "room-b", 600, "b");
            assertThat(call("DELETE", "/chat/mutes/" + u.idText() + "?room=room-a", moderator, null).status())
                    .isEqualTo(204);
            await(chat().post(u.id(), u.name(), "room-a", "free here"));
            assertRejected(chat().post(u.id(), u.name(), "room-b", "not here"), "muted");
            assertThat(call("DELETE", "/chat/mutes/" + u.idText() + "?room=room-a", moderator, null).status())
                    .isEqualTo(404);
        }

        @Test
        void aNewMuteReplacesTheOneInTheSameRoom() {
            User u = guest();
            mute(u, "room-r", 3600, "first");
            mute(u, "room-r", 30, "second, shorter");
            JsonArray mutes = call("GET", "/chat/moderation/" + u.idText(), moderator, null).json().getJsonArray("mutes");
            assertThat(mutes).hasSize(1);
            assertThat(mutes.getJsonObject(0).getString("reason")).isEqualTo("second, shorter");
            clock.advance(Duration.ofSeconds(30));
            await(chat().post(u.id(), u.name(), "room-r", "the shorter one counts"));
        }

        @Test
        void banStopsEverythingUntilLifted() {
            User troll = guest();
            User victim = guest();
            Res banned = call("POST", "/chat/bans", moderator,
                    new JsonObject().put("player_id", troll.idText()).put("reason", "harassment"));
            assertThat(banned.status()).as(banned.body()).isEqualTo(201);
            assertThat(banned.json().getString("reason")).isEqualTo("harassment");
            assertRejected(chat().post(troll.id(), troll.name(), "lobby", "hi"), "banned", "harassment");
            assertRejected(chat().direct(troll.id(), troll.name(), victim.id(), "hi"), "banned");
            assertThat(call("POST", "/chat/bans", moderator,
                    new JsonObject().put("player_id", troll.idText()).put("reason", "again")).status()).isEqualTo(409);
            JsonObject status = call("GET", "/chat/moderation/" + troll.idText(), moderator, null).json();
            assertThat(status.getJsonObject("ban").getString("reason")).isEqualTo("harassment");
            assertThat(status.getString("player_id")).isEqualTo(troll.idText());

            assertThat(call("DELETE", "/chat/bans/" + troll.idText(), moderator, null).status()).isEqualTo(204);
            await(chat().post(troll.id(), troll.name(), "lobby", "sorry"));
            assertThat(call("DELETE", "/chat/bans/" + troll.idText(), moderator, null).status()).isEqualTo(404);
            assertThat(call("GET", "/chat/moderation/" + troll.idText(), moderator, null).json().getValue("ban"))
                    .isNull();
        }

        @Test
        void playersGet403OnEveryModerationEndpointAndAnonymousCallersGet401() {
            User player = guest();
            User target = guest();
            JsonObject muteBody = new JsonObject().put("player_id", target.idText()).put("duration_seconds", 60)
                    .put("reason", "x");
            JsonObject banBody = new JsonObject().put("player_id", target.idText()).put("reason", "x");
            for (User caller : new User[] {player, null}) {
                int expected = caller == null ? 401 : 403;
                assertThat(call("POST", "/chat/mutes", caller, muteBody).status()).isEqualTo(expected);
                assertThat(call("POST", "/chat/mutes", caller, "{not json").status()).isEqualTo(expected);
                assertThat(call("DELETE", "/chat/mutes/" + target.idText(), caller, null).status()).isEqualTo(expected);
                assertThat(call("POST", "/chat/bans", caller, banBody).status()).isEqualTo(expected);
                assertThat(call("DELETE", "/chat/bans/" + target.idText(), caller, null).status()).isEqualTo(expected);
                assertThat(call("GET", "/chat/moderation/" + target.idText(), caller, null).status())
                        .isEqualTo(expected);
            }
            Res forbidden = call("POST", "/chat/bans", player, banBody);
            assertThat(forbidden.json().getString("type")).isEqualTo("urn:arena:problem:forbidden");
            await(chat().post(target.id(), target.name(), "lobby", "still free"));
        }

        @Test
        void nobodyRestrictsAPeerOrAHigherRoleButAdminsRestrictModerators() {
            User otherMod = privileged("chat_mod2", Role.MODERATOR);
            for (User target : new User[] {otherMod, moderator, admin}) {
                Res r = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", target.idText())
                        .put("duration_seconds", 60).put("reason", "x"));
                assertThat(r.status()).as(r.body()).isEqualTo(403);
                assertThat(call("POST", "/chat/bans", moderator,
                        new JsonObject().put("player_id", target.idText()).put("reason", "x")).status()).isEqualTo(403);
            }
            Res byAdmin = call("POST", "/chat/mutes", admin, new JsonObject().put("player_id", otherMod.idText())
                    .put("duration_seconds", 60).put("reason", "abusing the role"));
            assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
            assertRejected(chat().post(otherMod.id(), otherMod.name(), "staff", "hm"), "muted", "abusing the role");
        }

        @Test
        void unknownPlayersAre404() {
            String nobody = UUID.randomUUID().toString();
            assertThat(call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", nobody)
                    .put("duration_seconds", 60).put("reason", "x")).status()).isEqualTo(404);
            assertThat(call("POST", "/chat/bans", moderator,
                    new JsonObject().put("player_id", nobody).put("reason", "x")).status()).isEqualTo(404);
            assertThat(call("GET", "/chat/moderation/" + nobody, moderator, null).status()).isEqualTo(404);
            assertThat(call("DELETE", "/chat/bans/" + nobody, moderator, null).status()).isEqualTo(404);
            assertThat(call("DELETE", "/chat/mutes/" + nobody, moderator, null).status()).isEqualTo(404);
        }

        @Test
        void malformedModerationRequestsListEveryBadField() {
            Res r = call("POST", "/chat/mutes", moderator, new JsonObject());
            assertThat(r.status()).isEqualTo(422);
            assertThat(fields(r)).containsExactlyInAnyOrder("player_id", "duration_seconds", "reason");

            r = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", "nope").put("room", "bad room")
                    .put("duration_seconds", "60").put("reason", "").put("extra", true));
            assertThat(r.status()).isEqualTo(422);
            assertThat(fields(r)).containsExactlyInAnyOrder("player_id", "room", "duration_seconds", "reason", "extra");

            for (Object seconds : new Object[] {0, -5, 1.5, 31_536_001L, true}) {
                r = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", guestId())
                        .put("duration_seconds", seconds).put("reason", "x"));
                assertThat(r.status()).as("duration %s", seconds).isEqualTo(422);
                assertThat(fields(r)).containsExactly("duration_seconds");
            }
            r = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", guestId())
                    .put("duration_seconds", 60).put("reason", "r".repeat(501)));
            assertThat(fields(r)).containsExactly("reason");
            r = call("POST", "/chat/mutes", moderator, new JsonObject().put("player_id", guestId()).putNull("room")
                    .put("duration_seconds", 60).put("reason", "x"));
            assertThat(fields(r)).containsExactly("room");

            assertThat(call("POST", "/chat/mutes", moderator, "{not json").status()).isEqualTo(400);
            assertThat(call("POST", "/chat/mutes", moderator, "[1, 2]").status()).isEqualTo(400);
            assertThat(call("POST", "/chat/bans", moderator, "\"text\"").status()).isEqualTo(400);

            r = call("POST", "/chat/bans", moderator, new JsonObject().put("player_id", 42).put("reason", 7));
            assertThat(r.status()).isEqualTo(422);
            assertThat(fields(r)).containsExactlyInAnyOrder("player_id", "reason");
            r = call("POST", "/chat/bans", moderator, new JsonObject().put("player_id", guestId()).put("reason", "  "));
            assertThat(fields(r)).containsExactly("reason");

            for (String path : List.of("/chat/mutes/not-a-uuid", "/chat/bans/not-a-uuid")) {
                r = call("DELETE", path, moderator, null);
                assertThat(r.status()).as(path).isEqualTo(422);
                assertThat(fields(r)).containsExactly("player_id");
            }
            r = call("GET", "/chat/moderation/1234", moderator, null);
            assertThat(fields(r)).containsExactly("player_id");
            r = call("DELETE", "/chat/mutes/" + guestId() + "?room=bad%20room", moderator, null);
            assertThat(fields(r)).containsExactly("room");
            r = call("DELETE", "/chat/mutes/" + guestId() + "?room=a&room=b", moderator, null);
            assertThat(fields(r)).containsExactly("room");
        }

        @Test
        void restrictionsInForceSurviveARestart() {
            User u = guest();
            User v = guest();
            mute(u, "restart-room", 600, "before restart");
            assertThat(call("POST", "/chat/bans", moderator,
                    new JsonObject().put("player_id", v.idText()).put("reason", "banned before restart")).status())
                    .isEqualTo(201);
            node.close();
            node = startNode();
            assertRejected(chat().post(u.id(), u.name(), "restart-room", "hi"), "muted", "before restart");
            assertRejected(chat().post(v.id(), v.name(), "lobby", "hi"), "banned", "banned before restart");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class History {
        @Test
        void pagesNewestFirstAcrossSeveralPages() {
            User u = guest();
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                ids.add(await(chat().post(u.id(), u.name(), "paging", "message " + i)).id());
            }
            // a message in another room between them must not show up
            await(chat().post(u.id(), u.name(), "paging-other", "elsewhere"));

            ChatPage p1 = await(chat().history("paging", null, 3));
            assertThat(p1.messages()).extracting(ChatMessage::id).containsExactly(ids.get(4), ids.get(5), ids.get(6));
            assertThat(p1.nextBefore()).isEqualTo(ids.get(4));
            ChatPage p2 = await(chat().history("paging", p1.nextBefore(), 3));
            assertThat(p2.messages()).extracting(ChatMessage::id).containsExactly(ids.get(1), ids.get(2), ids.get(3));
            ChatPage p3 = await(chat().history("paging", p2.nextBefore(), 3));
            assertThat(p3.messages()).extracting(ChatMessage::message).containsExactly("message 1");
            assertThat(p3.nextBefore()).isNull();

            // the same over HTTP
            Res r = call("GET", "/chat/paging/messages?limit=3", u, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().getString("room")).isEqualTo("paging");
            JsonArray msgs = r.json().getJsonArray("messages");
            assertThat(msgs.getJsonObject(0).getString("message")).isEqualTo("message 5");
            assertThat(msgs.getJsonObject(0).fieldNames())
                    .containsExactlyInAnyOrder("id", "room", "from", "display_name", "message", "ts");
            long next = r.json().getLong("next_before");
            r = call("GET", "/chat/paging/messages?limit=3&before=" + next, u, null);
            assertThat(r.json().getJsonArray("messages").getJsonObject(2).getString("message")).isEqualTo("message 4");
            r = call("GET", "/chat/paging/messages?limit=3&before=" + r.json().getLong("next_before"), u, null);
            assertThat(r.json().getJsonArray("messages")).hasSize(1);
            assertThat(r.json().getValue("next_before")).isNull();
        }

        @Test
        void aPageThatReachesTheStartHasNoNextBefore() {
            User u = guest();
            for (int i = 0; i < 3; i++) {
                await(chat().post(u.id(), u.name(), "exact", "m" + i));
            }
            assertThat(await(chat().history("exact", null, 3)).nextBefore()).isNull();
            assertThat(await(chat().history("exact", null, 2)).nextBefore()).isNotNull();
            Res empty = call("GET", "/chat/never-used/messages", u, null);
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.json().getJsonArray("messages")).isEmpty();
            assertThat(empty.json().getValue("next_before")).isNull();
            // the default page is 50
            for (int i = 0; i < 52; i++) {
                await(chat().post(u.id(), u.name(), "default-page", "m" + i));
            }
            assertThat(call("GET", "/chat/default-page/messages", u, null).json().getJsonArray("messages")).hasSize(50);
        }

        @Test
        void malformedHistoryRequestsAre422AndAnonymousOnes401() {
            User u = guest();
            for (String q : List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1.5", "before=0",
                    "before=-3", "before=x", "before=99999999999999999999", "limit=1&limit=2")) {
                Res r = call("GET", "/chat/lobby/messages?" + q, u, null);
                assertThat(r.status()).as(q).isEqualTo(422);
                assertThat(fields(r)).as(q).hasSize(1).first().isIn("limit", "before");
            }
            Res bad = call("GET", "/chat/bad%20room/messages", u, null);
            assertThat(bad.status()).isEqualTo(422);
            assertThat(fields(bad)).containsExactly("room");
            assertThat(call("GET", "/chat/" + "r".repeat(65) + "/messages", u, null).status()).isEqualTo(422);
            assertThat(call("GET", "/chat/lobby/messages", null, null).status()).isEqualTo(401);
            assertInvalid(chat().history("lobby", null, 0), "limit", "between 1 and 100");
            assertInvalid(chat().history("lobby", 0L, 10), "before", "positive");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class DirectMessages {
        @Test
        void bothDirectionsShareOneRoomReadableOnlyByTheTwo() {
            User a = guest();
            User b = guest();
            User c = guest();
            ChatMessage ab = await(chat().direct(a.id(), a.name(), b.id(), "hi b"));
            ChatMessage ba = await(chat().direct(b.id(), b.name(), a.id(), "hi a"));
            String room = ChatRooms.direct(a.id(), b.id());
            assertThat(ab.room()).isEqualTo(room).isEqualTo(ba.room()).startsWith("dm:").hasSize(76);
            String[] ids = room.split(":");
            assertThat(ids[1].compareTo(ids[2])).isNegative();

            for (User reader : List.of(a, b)) {
                Res r = call("GET", "/chat/" + room + "/messages", reader, null);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().getJsonArray("messages")).hasSize(2);
            }
            for (User outsider : List.of(c, moderator)) {
                Res r = call("GET", "/chat/" + room + "/messages", outsider, null);
                assertThat(r.status()).isEqualTo(403);
            }
            assertFails(chat().history(c.id(), room, null, 10), ArenaException.Forbidden.class);
            assertThat(await(chat().history(a.id(), room, null, 10)).messages()).containsExactly(ab, ba);
        }

        @Test
        void malformedDirectRoomsAre422() {
            User a = guest();
            User b = guest();
            String room = ChatRooms.direct(a.id(), b.id());
            String[] ids = room.split(":");
            for (String bad : List.of("dm:foo", "dm:" + ids[2] + ":" + ids[1], "dm:" + ids[1] + ":" + ids[1],
                    ("dm:" + ids[1] + ":" + ids[2]).toUpperCase().replace("DM:", "dm:"))) {
                Res r = call("GET", "/chat/" + bad + "/messages", a, null);
                assertThat(r.status()).as(bad).isEqualTo(422);
                assertThat(fields(r)).containsExactly("room");
            }
        }

        @Test
        void recipientMustExistAndBeSomeoneElse() {
            User a = guest();
            assertFails(chat().direct(a.id(), a.name(), UUID.randomUUID(), "hello?"), ArenaException.NotFound.class);
            assertInvalid(chat().direct(a.id(), a.name(), a.id(), "me"), "to", "another player");
            assertInvalid(chat().direct(a.id(), a.name(), null, "me"), "to", "required");
            assertInvalid(chat().direct(a.id(), a.name(), guest().id(), " "), "message", "empty");
        }

        @Test
        void directMessagesAreFilteredAndMutableByRoom() {
            User a = guest();
            User b = guest();
            assertThat(await(chat().direct(a.id(), a.name(), b.id(), "you $h1t")).message()).isEqualTo("you ****");
            mute(a, ChatRooms.direct(a.id(), b.id()), 60, "stop messaging them");
            assertRejected(chat().direct(a.id(), a.name(), b.id(), "hey"), "muted", "stop messaging them");
            await(chat().direct(a.id(), a.name(), guest().id(), "someone else is fine"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyChatOperationInTheOpenApiDocumentIsServed() {
        JsonObject paths = call("GET", "/openapi.json", null, null).json().getJsonObject("paths");
        List<String> chatOps = new ArrayList<>();
        for (String path : paths.fieldNames()) {
            if (!path.startsWith("/chat/") || path.equals("/chat/{room_id}")) {
                continue; // /chat/{room_id} is the legacy chat WebSocket, tested by the gateway's tests
            }
            for (String method : paths.getJsonObject(path).fieldNames()) {
                chatOps.add(method.toUpperCase() + " " + path);
                String concrete = path.replace("{room}", "lobby").replace("{player_id}", UUID.randomUUID().toString());
                // without a token a served route answers 401; an unknown one would be 404 or 405
                assertThat(call(method.toUpperCase(), concrete, null, null).status()).as(method + " " + path)
                        .isEqualTo(401);
            }
        }
        assertThat(chatOps).containsExactlyInAnyOrder("GET /chat/{room}/messages", "POST /chat/mutes",
                "DELETE /chat/mutes/{player_id}", "POST /chat/bans", "DELETE /chat/bans/{player_id}",
                "GET /chat/moderation/{player_id}");
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    record User(UUID id, String name, String token) {
        String idText() {
            return id.toString();
        }
    }

    record Res(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private static ChatService chat() {
        return node.chat();
    }

    private static User guest() {
        AuthResult r = await(node.identity().guest("chat-test-" + UUID.randomUUID()));
        return new User(r.player().id(), r.player().displayName(), r.token());
    }

    private static String guestId() {
        return guest().idText();
    }

    private static User privileged(String username, Role role) {
        await(node.identity().createPrivileged(username, "password-" + username, role));
        AuthResult r = await(node.identity().login(username, "password-" + username, "127.0.0.1"));
        return new User(r.player().id(), r.player().displayName(), r.token());
    }

    private static void mute(User who, String room, int seconds, String reason) {
        JsonObject body = new JsonObject().put("player_id", who.idText()).put("duration_seconds", seconds)
                .put("reason", reason);
        if (room != null) {
            body.put("room", room);
        }
        Res r = call("POST", "/chat/mutes", moderator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Res call(String method, String path, User as, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (as != null) {
            b.header("Authorization", "Bearer " + as.token());
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(Res r) {
        JsonArray errors = r.json().getJsonArray("errors");
        assertThat(errors).as(r.body()).isNotNull();
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(((JsonObject) e).getString("field")));
        return out;
    }

    private static void assertFails(Future<?> f, Class<? extends ArenaException> type) {
        assertThatThrownBy(() -> await(f)).isInstanceOf(type);
    }

    private static void assertInvalid(Future<?> f, String field, String text) {
        assertThatThrownBy(() -> await(f)).isInstanceOfSatisfying(ArenaException.Invalid.class, e -> {
            assertThat(e.errors()).extracting(ArenaException.FieldError::field).contains(field);
            assertThat(e.getMessage()).contains(text);
        });
    }

    private static void assertRejected(Future<?> f, String code, String... mentions) {
        assertThatThrownBy(() -> await(f)).isInstanceOfSatisfying(ArenaException.Rejected.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            for (String m : mentions) {
                assertThat(e.getMessage()).contains(m);
            }
        });
    }
}
