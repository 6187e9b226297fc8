package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.chat.ProfanityFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ARENA_CHAT_* keys as ConfigLoader reads them. */
class ChatConfigTest {
    @TempDir
    Path dir;

    private ArenaConfig load(Map<String, String> chat) {
        Map<String, String> env = new HashMap<>(Map.of("ARENA_DATA_DIR", dir.toString()));
        env.putAll(chat);
        return ConfigLoader.load(env, Map.of());
    }

    @Test
    void defaults() {
        var chat = load(Map.of()).chat();
        assertThat(chat.maxLength()).isEqualTo(500);
        assertThat(chat.filter()).isEqualTo(ProfanityFilter.Action.MASK);
        assertThat(chat.wordlist()).isEmpty();
    }

    @Test
    void everyKeyIsRead() throws IOException {
        Path list = Files.writeString(dir.resolve("words.txt"), "noob\n");
        var chat = load(Map.of("ARENA_CHAT_MAX_LENGTH", "200", "ARENA_CHAT_FILTER", "REJECT",
                "ARENA_CHAT_WORDLIST", list.toString())).chat();
        assertThat(chat.maxLength()).isEqualTo(200);
        assertThat(chat.filter()).isEqualTo(ProfanityFilter.Action.REJECT);
        assertThat(chat.wordlist()).contains(list.toAbsolutePath());
    }

    @Test
    void badValuesAreReportedTogether() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.txt"), "fine\nx\n");
        assertThatThrownBy(() -> load(Map.of("ARENA_CHAT_MAX_LENGTH", "0", "ARENA_CHAT_FILTER", "shout",
                "ARENA_CHAT_WORDLIST", broken.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ARENA_CHAT_MAX_LENGTH")
                .hasMessageContaining("ARENA_CHAT_FILTER")
                .hasMessageContaining("ARENA_CHAT_WORDLIST").hasMessageContaining("line 2");
        assertThatThrownBy(() -> load(Map.of("ARENA_CHAT_WORDLIST", dir.resolve("missing.txt").toString())))
                .hasMessageContaining("ARENA_CHAT_WORDLIST").hasMessageContaining("not a readable file");
    }
}
