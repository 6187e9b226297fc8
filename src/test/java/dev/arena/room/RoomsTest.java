package dev.arena.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Rooms#valid} is a loop for speed; {@link Rooms#NAME} states the rule. They must agree. */
class RoomsTest {
    @Test
    void theLoopAndThePatternAgree() {
        List<String> names = new ArrayList<>(List.of("", "a", "A", "0", ":", "_", ".", "-", "game:1", "chat:lobby.eu-1",
                "a".repeat(64), "a".repeat(65), "bad room", "room!", "é", "ü", "a\u0000", "\u0660", "x/y", "x\\y",
                "\uD83D\uDE00", "a\nb", "[", "`", "@", "{", "/", "~"));
        // every character up to U+00FF, alone and inside a valid name, so each range's edge is tried
        for (char c = 0; c < 256; c++) {
            names.add(String.valueOf(c));
            names.add("room" + c + "name");
        }
        Random random = new Random(42);
        String alphabet = "aZ09:_.- !é/\u0000";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(70); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        for (String name : names) {
            assertThat(Rooms.valid(name)).as("'%s'", name).isEqualTo(Rooms.NAME.matcher(name).matches());
        }
        assertThat(Rooms.valid(null)).isFalse();
        assertThat(Rooms.valid("chat:lobby.eu-1")).isTrue();
        assertThat(Rooms.valid("a".repeat(65))).isFalse();
    }
}
