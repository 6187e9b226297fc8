package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Raw log events go in COPY's binary format: the same rows written by {@link CopyBinary} and by the text format
 * ({@link CopyText}, which PostgreSQL parses itself) must read back identical, whatever the text, value, data and
 * timestamp (nanoseconds rounded, a tie to even, before 2000, far ahead), and rows longer than the buffer must arrive whole.
 */
class CopyBinaryLogIntegrationTest {
    private record Row(Instant ts, String text, double value, String data, UUID id, long line) {}

    @Test
    void binaryRowsReadBackAsTheTextFormatsDo() throws Exception {
        List<Row> rows = new ArrayList<>();
        UUID job = UUID.randomUUID();
        String[] texts = {"p-000001", "joueur-é", "игрок", "🎮 emoji", "tab\there", "back\\slash", "", "x".repeat(70_000)};
        Instant[] times = {Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00.123456789Z"),
                Instant.parse("2026-12-01T00:00:00.000002500Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("1970-01-01T00:00:00.1Z"), Instant.parse("0999-06-01T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("2026-12-06T18:00:00.000001Z")};
        String[] data = {null, "{\"a\": 1}", "{\"nested\": {\"b\": [1, 2.5, \"é\"]}}", "[]", null, "\"s\"", "7", null};
        double[] values = {0, 1, -1, 2.5, 1e300, -0.000001, 123456789012345.0, 0.1};
        for (int i = 0; i < 8; i++) {
            rows.add(new Row(times[i], texts[i], values[i], data[i], job, i + 1_000_000_000_000L));
        }
        DatabaseUrl db = TestDatabases.fresh(CopyBinaryLogIntegrationTest.class);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            for (String t : List.of("by_text", "by_binary")) {
                st.execute("CREATE TABLE " + t + " (ts timestamptz, t text, value double precision, data jsonb, "
                        + "job_id uuid, line bigint)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyIn text = copy.copyIn("COPY by_text FROM STDIN");
            CopyText tr = new CopyText(text::writeToCopy);
            for (Row r : rows) {
                tr.timestamp(r.ts()).tab().text(r.text()).tab().number(r.value()).tab();
                if (r.data() == null) {
                    tr.nul();
                } else {
                    tr.text(r.data());
                }
                tr.tab().text(r.id().toString()).tab().number(r.line()).endRow();
            }
            tr.flush();
            text.endCopy();
            CopyIn binary = copy.copyIn("COPY by_binary FROM STDIN (FORMAT binary)");
            CopyBinary br = new CopyBinary(binary::writeToCopy);
            for (Row r : rows) {
                br.row(6).timestamptz(r.ts()).text(r.text()).float8(r.value());
                if (r.data() == null) {
                    br.nul();
                } else {
                    br.jsonb(r.data());
                }
                br.uuid(r.id()).int8(r.line());
            }
            br.end();
            binary.endCopy();

            List<String> byText = read(st, "by_text");
            assertThat(byText).hasSize(rows.size());
            assertThat(read(st, "by_binary")).isEqualTo(byText);
            assertThat(byText.get(2)).startsWith("2026-12-01 00:00:00.000002|"); // a tie goes to even, as in text
        }
    }

    private static List<String> read(Statement st, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT (ts AT TIME ZONE 'UTC')::text, t, value, data, job_id, line FROM " + table + " ORDER BY line")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getLong(6));
            }
        }
        return out;
    }
}
