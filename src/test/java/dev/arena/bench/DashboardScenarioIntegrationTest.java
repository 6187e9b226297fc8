package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code arena bench dashboard} against a real node (this JVM, named by its pid): the streams open, deliver the
 * samples of the node's clock, and the report carries the idle and loaded CPU. The cost limit is lifted: the test JVM
 * runs far more than the node, so its CPU says nothing about the stream.
 */
class DashboardScenarioIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of());

    @Test
    void streamsDeliverOneSampleASecondAndTheCostIsReported() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        AtomicInteger exit = new AtomicInteger(-1);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Thread bench = Thread.ofVirtual().start(() -> exit.set(new CommandLine(new BenchCommand()).execute(
                    "dashboard", "--url", "http://127.0.0.1:" + node.arena().port(), "--viewers", "3",
                    "--duration", "2s", "--warmup", "0s", "--server-pid", Long.toString(ProcessHandle.current().pid()),
                    "--max-cost-pct", "10000", "--json", "--quiet", "--max-error-pct", "0")));
            // the feed samples once per second of the node's clock: this test's clock moves while the bench runs
            while (bench.isAlive()) {
                node.clock().advance(Duration.ofSeconds(1));
                bench.join(Duration.ofMillis(250));
            }
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        JsonObject report = new JsonObject(text.lines().filter(l -> l.startsWith("{\"scenario\":\"dashboard\""))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no JSON report in:\n" + text)));
        assertThat(exit.get()).as(text).isZero();
        assertThat(report.getLong("refused")).isZero();
        JsonObject events = report.getJsonObject("events");
        assertThat(events.getLong("received")).as(text).isGreaterThanOrEqualTo(4);
        assertThat(events.getLong("bytes")).isPositive();
        JsonObject server = report.getJsonObject("server");
        assertThat(server.fieldNames()).contains("idle_core_pct", "with_viewers_core_pct", "stream_cost_core_pct",
                "cpu_us_per_event", "rss_mib");
    }

    @Test
    void aProcessThatIsNotLocalIsRefusedWithAReason() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchCommand()).execute("dashboard", "--url",
                    "http://127.0.0.1:" + node.arena().port(), "--server-pid", "999999999", "--quiet");
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read /proc/999999999");
    }
}
