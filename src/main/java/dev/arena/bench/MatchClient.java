package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated {@code arena_battle} player's gateway connection: attaches to its game with {@code match.join},
 * feeds the frames to its {@link BattleBot}, sends what the bot chooses as {@code match.input} numbered with its
 * {@code seq} (also its {@code rid}, so a refusal at once names it), and records the input-to-state latency of
 * every input the frames acknowledge. Created and driven on one event loop, which also runs its
 * handlers; everything it observes goes to the shared {@link MatchRunStats}.
 */
final class MatchClient {
    private static final long JOIN_TIMEOUT_MS = 30_000;

    final int index;
    private final MatchRunStats stats;
    private final BattleBot bot;
    private ClientWebSocket ws;
    private boolean open;
    private boolean closing;
    private String gameId;
    private String inputPrefix;
    private Promise<Void> joining;

    MatchClient(int index, String playerId, MatchRunStats stats, long seed) {
        this.index = index;
        this.stats = stats;
        this.bot = new BattleBot(playerId, new SplittableRandom(seed));
    }

    Future<Void> connect(WebSocketClient client, Target target, String token) {
        ws = client.webSocket();
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> onClose());
        ws.exceptionHandler(e -> stats.socketErrors.add(Errors.reason(e)));
        return ws.connect(BenchSocket.options(target, token)).<Void>map(w -> {
            open = true;
            stats.connected.increment();
            return null;
        }).onFailure(e -> stats.setupFailures.add("connect: " + Errors.reason(e)));
    }

    /** {@code match.join}: completes on the {@code match.state} snapshot. */
    Future<Void> attach(Vertx vertx, String game) {
        gameId = game;
        inputPrefix = "{\"type\":\"match.input\",\"game_id\":\"" + game + "\",\"seq\":";
        joining = Promise.promise();
        ws.writeTextMessage(new JsonObject().put("type", "match.join").put("rid", "j" + index).put("game_id", game)
                .encode());
        long timer = vertx.setTimer(JOIN_TIMEOUT_MS, t -> joining.tryFail("timeout"));
        return joining.future().onComplete(ar -> vertx.cancelTimer(timer)).onSuccess(v -> stats.attached.increment())
                .onFailure(e -> stats.setupFailures.add("match.join: " + e.getMessage()));
    }

    boolean isOpen() {
        return open && gameId != null;
    }

    /** Sends the bot's next input, if it has one. */
    void send(Window window) {
        long now = System.nanoTime();
        long unmatchedBefore = bot.unmatched();
        BattleBot.Action a = bot.next(now);
        long gaveUp = bot.unmatched() - unmatchedBefore;
        if (gaveUp > 0) {
            stats.unmatched.add(gaveUp);
        }
        if (a == null) {
            stats.idle.increment();
            return;
        }
        if (ws.writeQueueFull()) {
            stats.writeQueueFull.increment();
        }
        ws.writeTextMessage(inputPrefix + a.seq() + ",\"rid\":" + a.seq() + ",\"input\":" + a.input() + "}");
        stats.sent(a.kind(), window.contains(now));
    }

    /** Leaves the game (a forfeit: the last one standing wins, so the match ends now) and closes. */
    void leaveAndClose() {
        closing = true;
        if (open) {
            if (gameId != null) {
                ws.writeTextMessage(new JsonObject().put("type", "match.leave").put("game_id", gameId).encode());
            }
            ws.close();
        }
    }

    private void onText(String frame) {
        String type = FrameProbe.type(frame);
        if (type == null) {
            stats.otherFrames.increment();
            return;
        }
        switch (type) {
            case "match.event" -> onEvent(frame);
            case "match.state" -> onState(frame);
            case "match.end" -> {
                if (!closing) {
                    stats.ends.add(String.valueOf(new JsonObject(frame).getJsonObject("result").getValue("reason")));
                }
            }
            case "error" -> onError(frame);
            case "welcome", "pong", "match.left" -> { }
            default -> stats.otherFrames.increment();
        }
    }

    private void onEvent(String frame) {
        long now = System.nanoTime();
        if (stats.frozen) {
            return;
        }
        stats.frames.increment();
        MatchFrames.Frame f;
        try {
            f = MatchFrames.read(frame, bot.me());
        } catch (IllegalArgumentException e) {
            stats.otherFrames.increment();
            return;
        }
        Window window = stats.window;
        for (BattleBot.Effect e : bot.onFrame(f, now)) {
            boolean measured = window != null && window.contains(e.sentNanos());
            stats.latency.record(e.latencyNanos() / 1000, measured);
            stats.latencyByKind.get(e.kind()).record(e.latencyNanos() / 1000, measured);
            if (measured) {
                stats.matched.increment();
            }
        }
    }

    private void onState(String frame) {
        JsonObject json = new JsonObject(frame);
        JsonObject state = json.getJsonObject("state");
        if (state != null) {
            List<BattleBot.Seen> seen = new ArrayList<>();
            long attack = 0;
            long block = 0;
            long blast = 0;
            JsonArray fighters = state.getJsonArray("fighters", new JsonArray());
            for (int i = 0; i < fighters.size(); i++) {
                JsonObject f = fighters.getJsonObject(i);
                String player = f.getString("player");
                seen.add(new BattleBot.Seen(player, f.getInteger("x"), f.getInteger("y"), f.getBoolean("alive")));
                if (player.equals(bot.me())) {
                    attack = f.getLong("attack_ready_at", 0L);
                    block = f.getLong("block_ready_at", 0L);
                    blast = f.getLong("blast_ready_at", 0L);
                }
            }
            bot.snapshot(state.getLong("tick", 0L), state.getBoolean("started", false), seen, attack, block, blast);
        }
        if (joining != null) {
            joining.tryComplete();
        }
    }

    private void onError(String frame) {
        BenchSocket.ErrorFrame e = BenchSocket.ErrorFrame.of(frame);
        if (joining != null && ("j" + index).equals(e.rid())) {
            joining.tryFail(e.code());
            return;
        }
        stats.serverErrors.add(e.code());
        long seq = seqOf(e.rid());
        if (seq >= 0) {
            bot.refusedAtOnce(seq); // refusals at the tick have no rid: their input is acknowledged like any other
        }
    }

    /** An input's rid is its seq; -1 for any other rid (the join's) or none. */
    private static long seqOf(String rid) {
        if (rid == null || rid.isEmpty() || !Character.isDigit(rid.charAt(0))) {
            return -1;
        }
        try {
            return Long.parseLong(rid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void onClose() {
        if (!open) {
            return;
        }
        open = false;
        if (joining != null) {
            joining.tryFail("closed");
        }
        if (!closing) {
            stats.closes.add(BenchSocket.closeCode(ws));
        }
    }
}
