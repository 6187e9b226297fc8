package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's configuration table is generated from {@link ConfigLoader#KEYS}; this fails when they drift apart. */
class ConfigDocsTest {

    /** The table as README.md must contain it, one row per key, in the order the loader declares them. */
    static String table() {
        StringBuilder b = new StringBuilder("| Variable | Default | Meaning |\n|---|---|---|\n");
        ConfigLoader.KEYS.forEach((key, v) -> b.append("| `").append(key).append("` | ")
                .append(v.defaultValue().isEmpty() ? "(unset)" : "`" + v.defaultValue() + "`").append(" | ")
                .append(v.meaning().replace("|", "\\|")).append(" |\n"));
        return b.toString();
    }

    @Test
    void theReadmeTableListsEveryKeyWithItsDefaultAndMeaning() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("README.md must contain this table (paste it in):%n%s", table()).contains(table());
    }
}
