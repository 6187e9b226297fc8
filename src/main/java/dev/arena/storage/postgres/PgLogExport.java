package dev.arena.storage.postgres;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.arena.logs.LogExport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

/**
 * {@link LogExport} from a server-side cursor ({@code createStream}, 1,000 rows a fetch) inside a read-only
 * transaction. Arena's matches map to events this way: each join, leave and input of the stored event log is an
 * event of its type ({@code join}, {@code leave}, {@code input}; value 1; the entry's data kept), timed from the
 * finish time back by its tick; each participant adds a {@code result} event whose value is the score and whose
 * data holds place and outcome.
 */
public final class PgLogExport implements LogExport {
    static final int FETCH = 1000;
    static final int CHUNK = 64 * 1024;

    private static final String INGESTED = "SELECT ts, game_id, mode, player_id, type, value, data::text FROM log_events "
            + "WHERE ts >= $1 AND ts < $2 AND ($3::text IS NULL OR mode = $3) AND ($4::text IS NULL OR game_id = $4) "
            + "ORDER BY ts";
    private static final String ARENA = "SELECT * FROM ("
            + "SELECT g.finished_at - make_interval(secs => greatest((g.event_log->>'final_tick')::bigint "
            + "- (e->>'tick')::bigint, 0)::float8 / greatest((g.event_log->>'tick_rate')::int, 1)) AS ts, "
            + "g.id::text AS game_id, g.mode, e->>'player' AS player_id, e->>'kind' AS type, 1::float8 AS value, "
            + "CASE WHEN jsonb_typeof(e->'data') = 'object' THEN (e->'data')::text END AS data "
            + "FROM games g, jsonb_array_elements(g.event_log->'entries') e "
            + "WHERE g.finished_at >= $1 AND g.finished_at < $2 AND ($3::text IS NULL OR g.mode = $3) "
            + "AND ($4::text IS NULL OR g.id::text = $4) AND e->>'player' IS NOT NULL "
            + "UNION ALL SELECT p.finished_at, g.id::text, g.mode, p.player_id::text, 'result', p.score::float8, "
            + "json_build_object('place', p.place, 'outcome', p.outcome)::text "
            + "FROM game_players p JOIN games g ON g.id = p.game_id "
            + "WHERE g.finished_at >= $1 AND g.finished_at < $2 AND ($3::text IS NULL OR g.mode = $3) "
            + "AND ($4::text IS NULL OR g.id::text = $4)) x ORDER BY ts, game_id, player_id, type";

    private final Pool pool;

    public PgLogExport(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Long> export(Query q, WriteStream<Buffer> out, boolean gzip) {
        Tuple args = Tuple.of(q.from().atOffset(ZoneOffset.UTC), q.to().atOffset(ZoneOffset.UTC), q.mode(), q.gameId());
        return pool.withTransaction(conn -> conn.prepare(q.arena() ? ARENA : INGESTED).compose(ps -> {
            Promise<Long> done = Promise.promise();
            Lines lines = new Lines(out, gzip);
            RowStream<Row> rows = ps.createStream(FETCH, args);
            rows.exceptionHandler(done::tryFail);
            rows.endHandler(v -> {
                lines.finish();
                done.tryComplete(lines.count);
            });
            rows.handler(row -> {
                lines.add(row);
                if (out.writeQueueFull()) {
                    rows.pause(); // backpressure: the cursor waits for the client
                    out.drainHandler(x -> rows.resume());
                }
            });
            return done.future();
        }));
    }

    /** Rows to NDJSON, written in chunks, optionally through gzip (flushed per chunk, so it streams). */
    private static final class Lines {
        private final WriteStream<Buffer> out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK * 2);
        private final GZIPOutputStream gz;
        private final StringBuilder line = new StringBuilder(256);
        private long count;

        Lines(WriteStream<Buffer> out, boolean gzip) {
            this.out = out;
            try {
                this.gz = gzip ? new GZIPOutputStream(pending, 8192, true) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(Row r) {
            line.setLength(0);
            line.append("{\"ts\":\"").append(r.getOffsetDateTime(0).toInstant()).append("\",\"game_id\":");
            quote(r.getString(1)).append(",\"mode\":");
            quote(r.getString(2)).append(",\"player_id\":");
            quote(r.getString(3)).append(",\"type\":");
            quote(r.getString(4)).append(",\"value\":");
            double v = r.getDouble(5);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                line.append((long) v);
            } else {
                line.append(v);
            }
            String data = r.getString(6);
            if (data != null) {
                line.append(",\"data\":").append(data);
            }
            line.append("}\n");
            write(line.toString().getBytes(StandardCharsets.UTF_8));
            count++;
            if (pending.size() >= CHUNK) {
                flush(false);
            }
        }

        private StringBuilder quote(String s) {
            line.append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, line);
            return line.append('"');
        }

        private void write(byte[] bytes) {
            try {
                if (gz != null) {
                    gz.write(bytes);
                } else {
                    pending.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flush(boolean last) {
            try {
                if (gz != null) {
                    if (last) {
                        gz.finish();
                    } else {
                        gz.flush();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (pending.size() > 0) {
                out.write(Buffer.buffer(pending.toByteArray()));
                pending.reset();
            }
        }

        void finish() {
            flush(true);
        }
    }
}
