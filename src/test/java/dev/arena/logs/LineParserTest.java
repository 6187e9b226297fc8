package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineParserTest {
    private final LineParser parser = new LineParser();

    private LogEvent parse(String line) throws BadLine {
        // surrounded by other bytes, as a line is inside the reader's buffer
        byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 2, bytes.length - 4);
    }

    private static String line(String extra) {
        return "{\"ts\":\"2026-12-06T05:00:00.123Z\",\"game_id\":\"g-1\",\"mode\":\"arena_battle\","
                + "\"player_id\":\"p-42\",\"type\":\"kill\"" + extra + "}";
    }

    @Test
    void readsAValidLineWithValueDefaultAndUnknownFieldsIgnored() throws BadLine {
        LogEvent e = parse(line(",\"unknown\":{\"deep\":[1,2,{\"x\":null}]},\"also\":[1]"));
        assertThat(e).isEqualTo(new LogEvent(Instant.parse("2026-12-06T05:00:00.123Z"), "g-1", "arena_battle",
                "p-42", "kill", 1.0, null));
    }

    @Test
    void keepsTheDataObjectExactlyAsSent() throws BadLine {
        LogEvent e = parse(line(",\"value\":2.5,\"data\":{ \"b\": 1.50, \"a\":[\"é\"] }"));
        assertThat(e.value()).isEqualTo(2.5);
        assertThat(e.data()).isEqualTo("{ \"b\": 1.50, \"a\":[\"é\"] }");
    }

    @Test
    void timestampsNeedAnOffsetAndAreNormalisedToUtc() throws BadLine {
        assertThat(parse(line("").replace("05:00:00.123Z", "07:30:00+02:30")).ts())
                .isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
        assertThat(parse(line("").replace("05:00:00.123Z", "05:00:00.123456789Z")).ts())
                .isEqualTo(Instant.parse("2026-12-06T05:00:00.123456789Z"));
        assertThat(parse(line("").replace("05:00:00.123Z", "05:00Z")).ts()) // no seconds: the slow path
                .isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-06T05:00:00.123 | ts: must be an ISO-8601 timestamp with an offset or Z",
        "2026-02-30T05:00:00Z | ts: must be an ISO-8601 timestamp with an offset or Z",
        "2026-12-06 05:00:00Z | ts: must be an ISO-8601 timestamp with an offset or Z",
        "2026-12-06T25:00:00Z | ts: must be an ISO-8601 timestamp with an offset or Z",
    })
    void badTimestamps(String ts, String reason) {
        assertThatThrownBy(() -> parse(line("").replace("2026-12-06T05:00:00.123Z", ts)))
                .isInstanceOf(BadLine.class).hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"type\":\"kill\"} | player_id: missing",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\"} | type: missing",
        "{\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"} | ts: missing",
        "{\"ts\":1,\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"} | ts: must be a string",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":7,\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"} | game_id: must be a string",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"} | game_id: must be 1-64 characters",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"Kill\"} | type: must be 1-32 characters of a-z and _",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":\"3\"} | value: must be a number",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":null} | value: must be a number",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":1e999} | value: out of range",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":[1]} | data: must be an object",
        "[1,2] | not a JSON object",
        "{\"ts\":\"2026-12-06T05:00:00Z\"} {} | invalid JSON: more after the object",
    })
    void missingAndWrongTypedFields(String line, String reason) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(BadLine.class).hasMessage(reason);
    }

    @Test
    void lengthsAreCountedInCodePoints() throws BadLine {
        String mode32 = "😀".repeat(32); // 64 chars, 32 code points
        assertThat(parse(line("").replace("arena_battle", mode32)).mode()).isEqualTo(mode32);
        assertThatThrownBy(() -> parse(line("").replace("arena_battle", mode32 + "x")))
                .hasMessage("mode: must be 1-32 characters");
        assertThatThrownBy(() -> parse(line("").replace("p-42", "p".repeat(65))))
                .hasMessage("player_id: must be 1-64 characters");
        assertThatThrownBy(() -> parse(line("").replace("\"kill\"", "\"" + "k".repeat(33) + "\"")))
                .hasMessage("type: must be 1-32 characters of a-z and _");
    }

    @Test
    void dataUpTo4KbIsKeptLargerIsBad() throws BadLine {
        String fits = "{\"s\":\"" + "a".repeat(4096 - 8) + "\"}";
        assertThat(fits).hasSize(4096);
        assertThat(parse(line(",\"data\":" + fits)).data()).isEqualTo(fits);
        String tooBig = "{\"s\":\"" + "a".repeat(4096 - 7) + "\"}";
        assertThatThrownBy(() -> parse(line(",\"data\":" + tooBig))).hasMessage("data: larger than 4096 bytes");
    }

    @Test
    void invalidJsonSaysWhy() {
        assertThatThrownBy(() -> parse("{\"ts\":")).isInstanceOf(BadLine.class)
                .hasMessageStartingWith("invalid JSON: ");
        assertThatThrownBy(() -> parse("{'ts':1}")).hasMessageStartingWith("invalid JSON: ");
    }
}
