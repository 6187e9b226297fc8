package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.Assertions;

class NdjsonReaderTest {
    private static final String GOOD = "{\"ts\":\"2026-12-06T05:00:00Z\",\"game_id\":\"g\",\"mode\":\"m\","
            + "\"player_id\":\"p\",\"type\":\"kill\"}";

    record Line(long number, long endOffset, boolean event, String bad) {}

    private static List<Line> read(byte[] bytes, int chunk) throws Exception {
        List<Line> lines = new ArrayList<>();
        NdjsonReader.readAll(trickle(new ByteArrayInputStream(bytes), chunk),
                (n, off, e, bad) -> lines.add(new Line(n, off, e != null, bad)));
        return lines;
    }

    /** Hands out at most {@code chunk} bytes per read, as a network stream does. */
    private static InputStream trickle(InputStream in, int chunk) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void numbersLinesAndOffsetsWhateverTheChunking() throws Exception {
        String file = GOOD + "\n" + "nonsense\r\n" + "\n" + GOOD; // the last line has no newline
        for (int chunk : new int[] {1, 7, 1 << 20}) {
            List<Line> lines = read(utf8(file), chunk);
            int a = GOOD.length() + 1;
            assertThat(lines).as("chunk %d", chunk).containsExactly(
                    new Line(1, a, true, null),
                    new Line(2, a + 10, false, "invalid JSON: Unrecognized token 'nonsense': was expecting "
                            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                    new Line(3, a + 11, false, null),
                    new Line(4, a + 11 + GOOD.length(), true, null));
        }
    }

    @Test
    void aLineOf64KbIsReadOneByteMoreIsBadAndTheNextLineIsFine() throws Exception {
        String base = GOOD.substring(0, GOOD.length() - 1) + ",\"x\":\"";
        String exact = base + "a".repeat(NdjsonReader.MAX_LINE_BYTES - base.length() - 2) + "\"}";
        assertThat(utf8(exact)).hasSize(NdjsonReader.MAX_LINE_BYTES);
        String over = base + "a".repeat(NdjsonReader.MAX_LINE_BYTES - base.length() - 1) + "\"}";
        String huge = "x".repeat(1_000_000);
        List<Line> lines = read(utf8(exact + "\n" + over + "\n" + huge + "\n" + GOOD + "\n" + huge), 4096);
        Assertions.assertThat(lines).extracting(Line::number, Line::event, Line::bad).containsExactly(
                Assertions.tuple(1L, true, null),
                Assertions.tuple(2L, false, "line longer than 65536 bytes"),
                Assertions.tuple(3L, false, "line longer than 65536 bytes"),
                Assertions.tuple(4L, true, null),
                Assertions.tuple(5L, false, "line longer than 65536 bytes"));
        assertThat(lines.getLast().endOffset()).isEqualTo(exact.length() + over.length() + 2L * huge.length()
                + GOOD.length() + 4);
    }

    @Test
    void emptyInputHasNoLines() throws Exception {
        assertThat(read(new byte[0], 10)).isEmpty();
    }

    @Test
    void aBrokenStreamNeverReportsItsUnfinishedLine() {
        byte[] bytes = utf8(GOOD + "\n" + GOOD.substring(0, 20));
        InputStream breaking = new InputStream() {
            int i;

            @Override
            public int read() throws IOException {
                if (i == bytes.length) {
                    throw new IOException("connection reset");
                }
                return bytes[i++] & 0xff;
            }
        };
        List<Line> lines = new ArrayList<>();
        Assertions.assertThatThrownBy(() -> NdjsonReader.readAll(breaking,
                (n, off, e, bad) -> lines.add(new Line(n, off, e != null, bad)))).hasMessage("connection reset");
        assertThat(lines).containsExactly(new Line(1, GOOD.length() + 1, true, null));
    }

    @Test
    void startsAtTheGivenOffsetAndLine() throws Exception {
        List<Line> lines = new ArrayList<>();
        new NdjsonReader().read(new ByteArrayInputStream(utf8(GOOD + "\n")), 1000, 41,
                (n, off, e, bad) -> lines.add(new Line(n, off, e != null, bad)));
        assertThat(lines).containsExactly(new Line(42, 1000 + GOOD.length() + 1, true, null));
    }

    @Test
    void badShareFailsOnlyAboveTheShare() {
        assertThat(BadShare.DEFAULT.exceeded(1, 100)).isFalse();
        assertThat(BadShare.DEFAULT.exceeded(2, 100)).isTrue();
        assertThat(BadShare.DEFAULT.exceeded(0, 0)).isFalse();
        assertThat(BadShare.DEFAULT.exceeded(3, 3)).isTrue();
        assertThat(BadShare.DEFAULT.exceededEarly(2, 100)).isFalse();
    }

    @Test
    void keepsTheFirstThousandSamplesAcrossResumes() {
        BadLineSamples first = new BadLineSamples(0);
        for (int i = 1; i <= 600; i++) {
            first.add(i, "r");
        }
        assertThat(first.drain()).hasSize(600);
        BadLineSamples resumed = new BadLineSamples(600);
        for (int i = 601; i <= 2000; i++) {
            resumed.add(i, "r");
        }
        List<BadLineSamples.Sample> kept = resumed.drain();
        assertThat(kept).hasSize(400);
        assertThat(kept.getLast().line()).isEqualTo(1000);
    }
}
