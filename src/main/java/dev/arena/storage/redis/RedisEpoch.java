package dev.arena.storage.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of Redis's data, {@code arena:epoch}: a random value the first node to find it missing writes. A node
 * whose recorded epoch differs from the stored one knows Redis lost its data (restarted without persistence), since
 * nothing else shows it reliably. The node's pieces that write shared state listen ({@link #onLost}) and write back
 * what they own (and say so, {@link #writtenBack}; until then {@link #holds} is false); {@link #settling} tells the checks that judge other nodes' entries to wait while those nodes do the
 * same (docs/CLUSTERING.md, "When Redis goes away").
 */
final class RedisEpoch {
    private static final Logger log = LoggerFactory.getLogger(RedisEpoch.class);
    static final String KEY = "arena:epoch";

    /** ARGV: a new epoch. Returns the stored epoch, storing the new one when there is none. */
    private static final LuaScript EPOCH = new LuaScript("""
            local e = redis.call('GET', KEYS[1])
            if not e then
              redis.call('SET', KEYS[1], ARGV[1])
              return ARGV[1]
            end
            return e
            """);

    private final Redis client;
    private final Clock clock;
    /** How long after a loss other nodes' entries may still be missing (they write theirs back on noticing it). */
    private final Duration settle;
    private final List<LongConsumer> lost = new CopyOnWriteArrayList<>();
    private volatile Instant lostAt = Instant.MIN;
    /** Guarded by this: the epoch known, how many losses were noticed, whether the last one is being written back. */
    private String known;
    private long losses;
    private boolean writingBack;

    /** What a reader saw: the epoch and the count of losses, to tell later whether it still holds. */
    record Seen(String epoch, long losses) { }

    RedisEpoch(Redis client, Duration settle, Clock clock) {
        this.client = client;
        this.settle = settle;
        this.clock = clock;
    }

    /** Learns the epoch at start (storing one when Redis has none). */
    Future<String> start() {
        return read().onSuccess(e -> {
            synchronized (this) {
                known = e;
            }
        });
    }

    /** The epoch this node's shared state was last written under (null before {@link #start}). */
    synchronized String known() {
        return known;
    }

    synchronized Seen seen() {
        return new Seen(known, losses);
    }

    /**
     * True while what {@code seen} saw still holds: no loss noticed since, and the last one written back. A store
     * judges its own entries by Redis's answers only then (an entry missing because it is not written back yet is
     * not one another node removed).
     */
    synchronized boolean holds(Seen seen) {
        return seen.losses() == losses && !writingBack;
    }

    /** The hooks of loss number {@code loss} ({@link Seen#losses}) have written back what the node owns. */
    synchronized void writtenBack(long loss) {
        if (loss == losses) {
            writingBack = false;
        }
    }

    /**
     * Reads the stored epoch; when it differs from the known one, records it and runs the {@link #onLost} hooks
     * (once per change, whichever caller saw it first). Completes with the stored epoch.
     */
    Future<String> check() {
        return read().onSuccess(now -> {
            String before;
            long loss;
            synchronized (this) {
                before = known;
                if (before == null || now.equals(before)) {
                    return;
                }
                known = now;
                loss = ++losses;
                writingBack = true;
            }
            lostAt = clock.instant();
            log.warn("Redis came back without its data (epoch {} is now {}); this node writes back what it owns",
                    before, now);
            lost.forEach(h -> {
                try {
                    h.accept(loss);
                } catch (RuntimeException e) {
                    log.error("writing back shared state after Redis lost its data failed", e);
                }
            });
        });
    }

    private Future<String> read() {
        return EPOCH.run(client::send, List.of(KEY), List.of(UUID.randomUUID().toString())).map(Response::toString);
    }

    /**
     * Runs {@code hook} (on any thread) each time this node notices that Redis lost its data, with the loss's number
     * for {@link #writtenBack}.
     */
    void onLost(LongConsumer hook) {
        lost.add(hook);
    }

    /** True for a while after a loss: other nodes may not have written their entries back yet. */
    boolean settling() {
        return clock.instant().isBefore(lostAt.plus(settle));
    }
}
