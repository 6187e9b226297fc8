package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte path with its hour cache against {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: whatever it reads, the
 * formatter reads to the same instant, whatever came before it; what it does not read, {@link Timestamps#parse}
 * leaves to the formatter.
 */
class TimestampsTest {
    private static Instant iso(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant read(Timestamps t, String s) {
        byte[] b = ("ab" + s + "cd").getBytes(StandardCharsets.ISO_8859_1);
        return t.read(b, 2, b.length - 4);
    }

    @Test
    void readsTheCommonShapesAsTheFormatterDoes() {
        Timestamps t = new Timestamps();
        String[] lines = {
            "2026-12-06T05:00:00Z", "2026-12-06T05:59:59.999999999Z", "2026-12-06T05:01:02.5+02:30",
            "2026-12-06t05:01:02z", "2026-12-06T05:01:02-18:00", "2026-12-06T05:01:02.123+00:00",
            "2024-02-29T23:59:59Z", "2026-12-06T06:00:00.1Z", "2026-12-06T05:00:00Z", "1970-01-01T00:00:00Z",
        };
        for (String s : lines) {
            assertThat(read(t, s)).as(s).isNotNull().isEqualTo(iso(s));
        }
    }

    /** The same hour prefix, followed by each way the rest can be wrong: never read, whatever was cached. */
    @Test
    void refusesWhatTheFormatterRefusesOrLeavesItToIt() {
        Timestamps t = new Timestamps();
        String[] lines = {
            "2026-12-06T05:60:00Z", "2026-12-06T05:00:60Z", "2026-12-06T05:00:00", "2026-12-06T05:00:00.Z",
            "2026-12-06T05:00:00.1234567890Z", "2026-12-06T05:00:00+19:00", "2026-12-06T05:00:00+02:60",
            "2026-12-06T05:00:00+0200", "2026-12-06T05:00:00ZZ", "2026-12-06T05:0a:00Z", "2026-12-06T05-00:00Z",
            "2026-02-30T05:00:00Z", "2026-13-01T05:00:00Z", "2026-12-06T24:00:00Z", "2026-12-06 05:00:00Z",
            "+2026-12-06T05:00:00Z", "2026-12-06T05:00Z", "2026-12-06T05:00:00-18:32", "2026-12-06T05:00:00+18:01",
        };
        for (String s : lines) {
            assertThat(read(t, "2026-12-06T05:00:00Z")).isNotNull(); // the hour is cached before each
            Instant fast = read(t, s);
            assertThat(fast).as(s).isNull();
        }
    }

    /** Random damage to timestamps read one after another with one instance (the hour cache sees them all). */
    @Test
    void randomTimestampsAgreeWithTheFormatter() throws BadLine {
        Random random = new Random(11);
        Timestamps t = new Timestamps();
        String alphabet = "0123456789-:T.Zz+ x";
        int read = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder s = new StringBuilder(String.format("20%02d-%02d-%02dT%02d:%02d:%02d", random.nextInt(100),
                    1 + random.nextInt(12), 1 + random.nextInt(31), random.nextInt(24), random.nextInt(60),
                    random.nextInt(60)));
            if (random.nextBoolean()) {
                s.append('.').append(random.nextInt(1_000_000));
            }
            s.append(random.nextInt(3) == 0 ? String.format("%+03d:%02d", random.nextInt(37) - 18, random.nextInt(60)) : "Z");
            for (int k = random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(s.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.insert(at, c);
                    case 1 -> s.deleteCharAt(at);
                    default -> s.setCharAt(at, c);
                }
            }
            String ts = s.toString();
            Instant fast = read(t, ts);
            Instant iso = iso(ts);
            if (fast != null) {
                read++;
                assertThat(fast).as(ts).isEqualTo(iso);
            }
            if (iso != null) {
                assertThat(Timestamps.parse(ts)).as(ts).isEqualTo(iso);
            }
        }
        assertThat(read).isGreaterThan(10_000);
    }
}
