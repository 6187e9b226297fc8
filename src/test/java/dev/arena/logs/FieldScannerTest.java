package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written scanner against Jackson's reading: what the scanner accepts, Jackson reads to the same event;
 * what it is not sure of, it leaves to Jackson, so a bad line gets exactly Jackson's reason.
 */
class FieldScannerTest {
    private static final String GOOD = "{\"ts\":\"2026-12-06T05:00:00.123Z\",\"game_id\":\"g-1\",\"mode\":\"arena_battle\","
            + "\"player_id\":\"p-42\",\"type\":\"kill\",\"value\":7,\"data\":{\"item\":\"potion-3\",\"slot\":2}}";

    private final LineParser parser = new LineParser();
    private final FieldScanner scanner = new FieldScanner(new StringCache());

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private LogEvent scan(String line) {
        byte[] b = bytes("xx" + line + "yy"); // inside other bytes, as in the reader's buffer
        return scanner.scan(b, 2, b.length - 4);
    }

    private LogEvent jackson(String line) throws BadLine {
        byte[] b = bytes(line);
        return parser.parseWithJackson(b, 0, b.length);
    }

    @Test
    void takesEveryLineTheGeneratorWritesAsJacksonReadsIt() throws BadLine {
        byte[] file = LogFixtures.generate(5_000, 50, 20, 7, 0);
        int accepted = 0;
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            LogEvent fast = scan(line);
            assertThat(fast).as(line).isNotNull().isEqualTo(jackson(line));
            accepted++;
        }
        assertThat(accepted).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ts\":\"2026-12-06T07:30:00+02:30\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        " \t{ \"type\" : \"a_b\" , \"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\" } \t",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":-2.50}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":123456789012345678}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":null}",
        "{\"x\":{\"a\":[1,-0.5,true,false,null,\"s\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\",{}],\"b\":[]},\"ts\":\"2026-12-06T05:00:00Z\","
                + "\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":{ \"k\" : [ 1e5 ] }}",
        "{\"ts\":\"2026-12-06T05:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"ts\":\"2026-12-07T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
    })
    void acceptsValidShapesAsJacksonReadsThem(String line) throws BadLine {
        assertThat(scan(line)).isNotNull().isEqualTo(jackson(line));
    }

    /** Valid lines the scanner leaves to Jackson (escapes, non-ASCII, exponents, -0): still read the same. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\\u0041\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"gé\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":1e3}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":-0}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":{\"a\":\"é\"}}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":12345678901234567890}",
    })
    void leavesOtherValidShapesToJackson(String line) throws BadLine {
        assertThat(scan(line)).isNull();
        assertThat(parser.parse(bytes(line), 0, bytes(line).length)).isEqualTo(jackson(line));
    }

    /** Bad lines: the scanner never takes one, and the reason is Jackson's, as before the scanner. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":01}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":1.}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":.5}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":+1}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":nullx}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":NaN}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":\"\\q\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":\"\\u12\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":[1 2]}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":{\"a\" 1}}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"x\":'a'}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}x",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}{}",
        "{\"ts\":\"2026-12-06T05:00:00Z\" \"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{ts:\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":null}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":\"2\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"value\":1e999}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":[]}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",\"data\":{\"a\":\"\\u0000\"}}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\\u0000\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"Kill\"}",
        "{\"ts\":\"2026-12-06 05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":\"2026-02-30T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"ts\":5,\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\"}",
        "{}",
        "[]",
        "\"kill\"",
    })
    void neverTakesABadLineAndTheReasonIsJacksons(String line) {
        assertThat(scan(line)).isNull();
        assertBadAsJacksonSays(line);
    }

    @Test
    void limitsJacksonKeepsAreKept() throws BadLine {
        String base = "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\",\"player_id\":\"p\",\"type\":\"kill\",";
        String longNumber = base + "\"x\":" + "1".repeat(101) + "}";
        String longName = base + "\"" + "k".repeat(1025) + "\":1}";
        String longNestedName = base + "\"x\":{\"" + "k".repeat(1025) + "\":1}}";
        String deep = base + "\"x\":" + "[".repeat(65) + "]".repeat(65) + "}";
        String bigData = base + "\"data\":{\"s\":\"" + "a".repeat(4096 - 7) + "\"}}";
        String control = base + "\"x\":\"a\u0001b\"}";
        for (String line : new String[] {longNumber, longName, longNestedName, deep, bigData, control}) {
            assertThat(scan(line)).as(line).isNull();
            assertBadAsJacksonSays(line);
        }
        String deepButFine = base + "\"x\":" + "[".repeat(20) + "]".repeat(20) + "}";
        assertThat(scan(deepButFine)).isNull(); // deeper than the scanner follows: Jackson reads it
        assertThat(parser.parse(bytes(deepButFine), 0, bytes(deepButFine).length)).isNotNull();
    }

    /** Random damage to a valid line: whatever the scanner takes, Jackson reads to the same event. */
    @Test
    void mutatedLinesAreTakenOnlyWhenJacksonAgrees() {
        Random random = new Random(13);
        String alphabet = "{}[]\":,. -+0123456789eEtrufalsn\\\t\u0001xé";
        int taken = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder(GOOD);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(line.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.insert(at, c);
                    case 1 -> line.deleteCharAt(at);
                    default -> line.setCharAt(at, c);
                }
            }
            String s = line.toString();
            LogEvent fast = scan(s);
            if (fast != null) {
                taken++;
                try {
                    assertThat(fast).as(s).isEqualTo(jackson(s));
                } catch (BadLine e) {
                    throw new AssertionError("the scanner took a line Jackson refuses (" + e.reason() + "): " + s);
                }
            }
        }
        assertThat(taken).as("some damage leaves a valid line (inside data, a digit)").isPositive();
    }

    private void assertBadAsJacksonSays(String line) {
        byte[] b = bytes(line);
        String reason;
        try {
            parser.parseWithJackson(b, 0, b.length);
            throw new AssertionError("Jackson reads it: " + line);
        } catch (BadLine e) {
            reason = e.reason();
        }
        assertThatThrownBy(() -> parser.parse(b, 0, b.length)).isInstanceOf(BadLine.class).hasMessage(reason);
    }
}
