package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code arena bench soak} against a real node, briefly: players connect, chat, reconnect and play relay matches
 * to a stored result, and the server (this JVM, named by its pid) is sampled from /proc after a forced collection.
 * The trend judgement itself is {@link TrendTest}'s; a run this short only warms up, so its limit is lifted here.
 */
class SoakIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_WS_RATE", "200", "ARENA_WS_BURST", "400"));

    @Test
    void aShortSoakSamplesTheServerAndLosesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchCommand()).execute("soak", "--url",
                    "http://127.0.0.1:" + node.arena().port(), "--clients", "12", "--room-size", "4",
                    "--duration", "12s", "--sample-every", "4s", "--settle", "0s", "--chat-every", "1s",
                    "--reconnect-every", "4s", "--matches-per-min", "60", "--max-growth", "1000000",
                    "--server-pid", Long.toString(ProcessHandle.current().pid()), "--json", "--quiet",
                    "--max-error-pct", "0");
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        // the node's log shares this stdout: the report is the last line that is a JSON object
        JsonObject report = new JsonObject(text.lines().filter(l -> l.startsWith("{\"scenario\":\"soak\""))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no JSON report in:\n" + text)));
        assertThat(exit).as(text).isZero();
        assertThat(report.getInteger("samples")).as(text).isEqualTo(3);
        assertThat(report.getBoolean("heap_after_forced_gc")).as(text).isTrue();
        JsonObject first = report.getJsonArray("sample_table").getJsonObject(0);
        assertThat(first.fieldNames()).contains(ServerVitals.RSS, ServerVitals.HEAP, ServerVitals.FDS,
                ServerVitals.THREADS);
        assertThat(first.getDouble(ServerVitals.THREADS)).isGreaterThan(10);
        JsonObject counts = report.getJsonObject("counts");
        assertThat(counts.getLong("reconnects")).as(text).isPositive();
        assertThat(counts.getLong("chat_acked")).as(text).isPositive().isEqualTo(counts.getLong("chat_sent"));
        assertThat(counts.getLong("matches_finished")).as(text).isPositive()
                .isEqualTo(counts.getLong("matches_started"));
        assertThat(report.getJsonObject("trends").getJsonObject(ServerVitals.HEAP).getBoolean("judged")).isFalse();
    }
}
