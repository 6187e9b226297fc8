package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A room scenario from start to report: create guests, connect and join every client (bounded in flight),
 * send on schedule through the warm-up and the measured window, drain, close, report. Shared by
 * {@code room-broadcast} and {@code many-rooms}, which differ only in their {@link RoomPlan}.
 */
final class RoomRun {
    private final String scenario;
    private final CommonOptions.Settings settings;
    private final RunOptions run;
    private final RoomOptions rooms;
    private final RoomPlan plan;
    private final PrintStream progressOut;
    private final SocketStats stats = new SocketStats();
    /** Presence frames the clients had received when every client had joined (the cost of filling the rooms). */
    private long presenceFramesAtSetup;
    /** What {@code --pin} could not pin (empty when all went well). */
    private List<String> pinFailures = List.of();

    RoomRun(String scenario, CommonOptions.Settings settings, RunOptions run, RoomOptions rooms, RoomPlan plan) {
        this.scenario = scenario;
        this.settings = settings;
        this.run = run;
        this.rooms = rooms;
        this.plan = plan;
        this.progressOut = settings.quiet() ? null : System.err;
    }

    String roomName(int room) {
        return "bench-" + settings.runId() + "-" + room;
    }

    /** Runs the scenario and prints the report; returns the exit status. */
    int execute() {
        int addresses = Math.max(1, settings.sourceAddresses().size());
        int socketsPerAddress = plan.clients() / addresses + 1;
        try (LoadGenerator gen = LoadGenerator.start(settings, settings.authConcurrency(), socketsPerAddress)) {
            var created = GuestAccounts.create(gen, settings.runId(), plan.clients(), settings.authConcurrency(),
                    progressOut);
            Account[] accounts = created.accounts();
            if (created.created() == 0) {
                System.err.println("bench: no guest account could be created: " + created.failures());
                return 1;
            }
            BenchSocket[] sockets = new BenchSocket[plan.clients()];
            long connectStart = System.nanoTime();
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = new BenchSocket(i, stats);
            }
            Future<Void> all = gen.bounded(plan.clients(), rooms.connectConcurrency, i -> {
                if (accounts[i] == null) {
                    stats.connectFailures.add("no account");
                    return Future.succeededFuture();
                }
                BenchSocket s = sockets[i];
                int room = plan.roomOf(i);
                return gen.onLane(gen.lane(i), () -> s.connect(gen.ws(i), settings.target(), accounts[i].token())
                        .compose(v -> s.join(gen.vertx(), roomName(room), plan.fanout(room))));
            });
            Progress setup = new Progress(progressOut, connectStart);
            setup.runUntilDone(all::isComplete, () -> String.format(Locale.ROOT,
                    "%s connected %,d/%,d  joined %,d  failed %,d", setup.prefix("connect"), stats.connected.sum(),
                    plan.clients(), stats.joined.sum(), stats.connectFailures.total() + stats.joinFailures.total()));
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            presenceFramesAtSetup = stats.presenceFrames.sum();
            if (progressOut != null) {
                progressOut.printf("connected %,d, joined %,d of %,d in %.1f s%n", stats.connected.sum(),
                        stats.joined.sum(), plan.clients(), connectSeconds);
            }

            List<List<BenchSocket>> senders = new ArrayList<>();
            for (int l = 0; l < gen.laneCount(); l++) {
                senders.add(new ArrayList<>());
            }
            for (int i = 0; i < sockets.length; i++) {
                // senders that failed to connect stay in: their share is counted as skipped, not silently dropped
                if (plan.isSender(i)) {
                    senders.get(gen.lane(i)).add(sockets[i]);
                }
            }
            ServerProcesses server = rooms.serverPid == null ? null
                    : new ServerProcesses(rooms.serverPid, rooms.dbPids);
            if (rooms.pin != null) {
                pinFailures = Pinning.apply(rooms.pin, server);
            }
            long t0 = System.nanoTime();
            Window window = Window.after(t0, run.warmup, run.duration);
            ServerReadings readings = server == null ? null : ServerReadings.start(server, window);
            ServerStalls stalls = ServerStalls.watch(gen, window);
            DeliveryLedger ledger = new DeliveryLedger(window);
            stats.ledger = ledger;
            AtomicLong counter = new AtomicLong();
            AtomicInteger lanesDone = new AtomicInteger();
            LongAdder skippedLate = new LongAdder();
            LongAdder skippedClosed = new LongAdder();
            gen.onEveryLane(l -> new LaneSender<>(senders.get(l), BenchSocket::isOpen,
                    s -> s.send(counter.incrementAndGet(), ledger), senders.get(l).size() * plan.senderRate(), t0,
                    window).start(gen.vertx(), (late, closed) -> {
                        skippedLate.add(late);
                        skippedClosed.add(closed);
                        lanesDone.incrementAndGet();
                    }));

            Progress progress = new Progress(progressOut, t0);
            long[] last = {0, 0};
            long drainUntil = window.endNanos() + rooms.drain.toNanos();
            progress.runUntil(drainUntil, () -> lanesDone.get() == gen.laneCount()
                    && ledger.snapshot().measuredDelivered() >= ledger.snapshot().expected(), () -> {
                DeliveryLedger.Snapshot d = ledger.snapshot();
                long sentRate = d.sent() - last[0];
                long delRate = d.delivered() - last[1];
                last[0] = d.sent();
                last[1] = d.delivered();
                return String.format(Locale.ROOT,
                        "%s connected %,d  sent %,d (%,d/s)  delivered %,d (%,d/s)  p99 %.2f ms  errors %,d  closes %,d",
                        progress.prefix(Progress.phase(window, System.nanoTime())), stats.open.get(), d.sent(),
                        sentRate, d.delivered(), delRate, stats.deliveryLatency.interval().p99Ms(),
                        stats.serverErrors.total() + stats.socketErrors.total(), stats.closes.total());
            });
            // frozen first, so the counts and the latency histogram below describe the same deliveries
            stats.frozen = true;
            DeliveryLedger.Snapshot d = ledger.snapshot();
            LatencyStats.LatencySummary latency = stats.deliveryLatency.total();
            LatencyStats.LatencySummary warmupLatency = stats.deliveryLatency.warmup();
            gen.closeSockets(sockets);
            Verdict verdict = verdict(d, latency);
            JsonObject report = report(d, latency, window, connectSeconds, skippedLate.sum(), skippedClosed.sum(),
                    created.failed());
            report.put("warmup", new JsonObject().put("latency_ms", ReportPrinter.latency(warmupLatency))
                    .put("deliveries", d.delivered() - d.measuredDelivered()));
            if (readings != null) {
                report.put("server", readings.report(d.measuredDelivered(), d.delivered() - d.measuredDelivered(),
                        rooms.pin, pinFailures));
            }
            report.put("stalls", stalls.report());
            report.put("verdict", ReportPrinter.verdict(verdict));
            ReportPrinter.print(report, settings.json(), System.out);
            return verdict.passed() ? 0 : 1;
        }
    }


    private Verdict verdict(DeliveryLedger.Snapshot d, LatencyStats.LatencySummary latency) {
        long setupFailures = stats.connectFailures.total() + stats.joinFailures.total();
        Verdict v = new Verdict(settings.maxErrorPct());
        run.checkLatency(v, latency);
        return v
                .require(d.measuredSent() > 0, "no message was sent in the measured window")
                .check("clients that failed to connect or join", setupFailures, plan.clients())
                .check("unexpected closes", stats.closes.total(), plan.clients())
                .check("error frames from the server", stats.serverErrors.total(), d.sent() + plan.clients())
                .check("deliveries missing", d.missing(), d.expected());
    }

    private JsonObject report(DeliveryLedger.Snapshot d, LatencyStats.LatencySummary latency, Window window,
                              double connectSeconds, long skippedLate, long skippedClosed, long accountFailures) {
        double secs = window.seconds();
        double targetRate = plan.totalSendRate();
        return new JsonObject()
                .put("scenario", scenario)
                .put("url", settings.target().url())
                .put("clients", plan.clients())
                .put("rooms", plan.rooms())
                .put("room_size", plan.roomSize())
                .put("senders", plan.senders())
                .put("duration_s", secs)
                .put("warmup_s", run.warmup.toMillis() / 1000.0)
                .put("setup", new JsonObject()
                        .put("account_failures", accountFailures)
                        .put("connected", stats.connected.sum())
                        .put("joined", stats.joined.sum())
                        .put("connect_failures", ReportPrinter.counts(stats.connectFailures.snapshot()))
                        .put("join_failures", ReportPrinter.counts(stats.joinFailures.snapshot()))
                        .put("seconds", ReportPrinter.round(connectSeconds))
                        // what filling the rooms cost: O(N) with merged presence diffs, O(N²) with one frame per join
                        .put("presence_frames", presenceFramesAtSetup)
                        .put("presence_frames_total", stats.presenceFrames.sum()))
                .put("messages", new JsonObject()
                        .put("sent", d.measuredSent())
                        .put("per_s", ReportPrinter.round(d.sendsPerSecond()))
                        .put("target_per_s", ReportPrinter.round(targetRate))
                        .put("skipped_sender_behind", skippedLate)
                        .put("skipped_sender_closed", skippedClosed)
                        .put("write_queue_full", stats.writeQueueFull.sum()))
                .put("deliveries", new JsonObject()
                        .put("expected", d.expected())
                        .put("delivered", d.measuredDelivered())
                        .put("delivered_pct", Math.floor(d.deliveredPercent() * 1000) / 1000)
                        .put("missing", d.missing())
                        .put("per_s", ReportPrinter.round(d.deliveriesPerSecond()))
                        .put("expected_per_s", ReportPrinter.round(plan.expectedDeliveriesPerSecond()))
                        .put("last_after_window_s", ReportPrinter.round(d.secondsAfterWindow())))
                .put("latency_ms", ReportPrinter.latency(latency))
                .put("errors", ReportPrinter.errors(stats.serverErrors, stats.socketErrors, stats.closes)
                        .put("other_frames", stats.otherFrames.sum()));
    }
}
