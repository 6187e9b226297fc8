package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.TicketId;
import dev.arena.matchmaking.service.TicketRecord;
import dev.arena.matchmaking.service.TicketRules;
import dev.arena.matchmaking.service.TicketStatus;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.matchmaking.service.TicketView;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matchmaking tickets in Redis, shared by every node: {@code arena:mm:t:<id>} the ticket's JSON (the wire format,
 * {@link TicketView}); {@code arena:mm:w:<mode>} a hash of the mode's waiting tickets (id -> JSON), which the mode's
 * matcher reads whole; {@code arena:mm:p:<player>} a hash mode -> the player's waiting ticket, which enforces one
 * waiting ticket per player and mode. Every change is one Lua script, so the three never disagree and a cancel and
 * a claim of the same ticket are ordered. A finished ticket's key expires after the retention.
 *
 * <p>Each node remembers the waiting tickets it wrote (enqueued, or put back by its matcher's {@link #requeue}),
 * forgets those it sees finish and, every {@link #prune}, those another node finished; when Redis lost its data it
 * writes them back ({@link #rewrite}), with their ids and queue times (docs/CLUSTERING.md, "When Redis goes away").
 */
public final class RedisTicketStore implements TicketStore {
    private static final Logger log = LoggerFactory.getLogger(RedisTicketStore.class);
    static final String PREFIX = "arena:mm:";

    /** KEYS: -. ARGV: prefix, id, json, mode, players... Returns "" or the conflicting "player ticket". */
    private static final LuaScript ADD = new LuaScript("""
            local pre, id, mode = ARGV[1], ARGV[2], ARGV[4]
            for i = 5, #ARGV do
              local held = redis.call('HGET', pre .. 'p:' .. ARGV[i], mode)
              if held then return ARGV[i] .. ' ' .. held end
            end
            if redis.call('EXISTS', pre .. 't:' .. id) == 1 then return 'exists ' .. id end
            redis.call('SET', pre .. 't:' .. id, ARGV[3])
            redis.call('HSET', pre .. 'w:' .. mode, id, ARGV[3])
            for i = 5, #ARGV do redis.call('HSET', pre .. 'p:' .. ARGV[i], mode, id) end
            return ''
            """);

    /** Shared by the finishing scripts: marks one waiting ticket finished and drops it from the indexes. */
    private static final String FINISH = """
            local function finish(pre, id, o, ttl)
              local json = cjson.encode(o)
              redis.call('SET', pre .. 't:' .. id, json, 'PX', ttl)
              redis.call('HDEL', pre .. 'w:' .. o.mode, id)
              for _, m in ipairs(o.members) do
                local key = pre .. 'p:' .. m.player_id
                if redis.call('HGET', key, o.mode) == id then redis.call('HDEL', key, o.mode) end
              end
              return json
            end
            """;

    /** ARGV: prefix, id, reason, retention ms. Returns the ticket as it now is, or nil. */
    private static final LuaScript CANCEL = new LuaScript(FINISH + """
            local pre, id = ARGV[1], ARGV[2]
            local json = redis.call('GET', pre .. 't:' .. id)
            if not json then return nil end
            local o = cjson.decode(json)
            if o.status ~= 'waiting' then return json end
            o.status = 'cancelled'
            o.reason = ARGV[3]
            return finish(pre, id, o, ARGV[4])
            """);

    /**
     * ARGV: prefix, retention ms, ids... All waiting: all matched, and every waiting ticket their players hold in
     * another mode (found through {@code p:<player>}) cancelled {@code matched_elsewhere}; returns {1, withdrawn
     * JSON...}. Else nothing changes; returns {0}.
     */
    private static final LuaScript CLAIM = new LuaScript(FINISH + """
            local pre, ttl = ARGV[1], ARGV[2]
            local found = {}
            for i = 3, #ARGV do
              local json = redis.call('GET', pre .. 't:' .. ARGV[i])
              if not json then return {0} end
              local o = cjson.decode(json)
              if o.status ~= 'waiting' then return {0} end
              found[i] = o
            end
            for i = 3, #ARGV do
              found[i].status = 'matched'
              finish(pre, ARGV[i], found[i], ttl)
            end
            local out = {1}
            for i = 3, #ARGV do
              for _, m in ipairs(found[i].members) do
                local held = redis.call('HGETALL', pre .. 'p:' .. m.player_id)
                for j = 2, #held, 2 do
                  local json = redis.call('GET', pre .. 't:' .. held[j])
                  if json then
                    local o = cjson.decode(json)
                    if o.status == 'waiting' then
                      o.status = 'cancelled'
                      o.reason = 'matched_elsewhere'
                      table.insert(out, finish(pre, held[j], o, ttl))
                    end
                  end
                end
              end
            end
            return out
            """);

    /**
     * ARGV: prefix, retention ms, reason, then (id, the ticket's waiting JSON) pairs. See {@link #requeue}; returns
     * the JSON of the tickets that changed.
     */
    private static final LuaScript REQUEUE = new LuaScript("""
            local pre, ttl, why = ARGV[1], ARGV[2], ARGV[3]
            local out = {}
            for i = 4, #ARGV, 2 do
              local id, was = ARGV[i], ARGV[i + 1]
              local json = redis.call('GET', pre .. 't:' .. id)
              if json then
                local o = cjson.decode(json)
                local claimed = o.status == 'matched' and (o.game_id == nil or o.game_id == cjson.null)
                local withdrawn = o.status == 'cancelled' and o.reason == 'matched_elsewhere'
                if claimed or withdrawn then
                  local w = cjson.decode(was)
                  local free = true
                  for _, m in ipairs(w.members) do
                    if redis.call('HEXISTS', pre .. 'p:' .. m.player_id, w.mode) == 1 then free = false end
                  end
                  if free then
                    redis.call('SET', pre .. 't:' .. id, was)
                    redis.call('HSET', pre .. 'w:' .. w.mode, id, was)
                    for _, m in ipairs(w.members) do redis.call('HSET', pre .. 'p:' .. m.player_id, w.mode, id) end
                    table.insert(out, was)
                  elseif claimed then
                    o.status = 'cancelled'
                    o.reason = why
                    local now = cjson.encode(o)
                    redis.call('SET', pre .. 't:' .. id, now, 'PX', ttl)
                    table.insert(out, now)
                  end
                end
              end
            end
            return out
            """);

    /** ARGV: prefix, retention ms, game, node, ids... Records the game on matched tickets. */
    private static final LuaScript ASSIGN = new LuaScript("""
            local pre = ARGV[1]
            for i = 5, #ARGV do
              local key = pre .. 't:' .. ARGV[i]
              local json = redis.call('GET', key)
              if json then
                local o = cjson.decode(json)
                if o.status == 'matched' then
                  o.game_id = ARGV[3]
                  o.game_node = ARGV[4]
                  redis.call('SET', key, cjson.encode(o), 'PX', ARGV[2])
                end
              end
            end
            return 1
            """);

    /** ARGV: prefix, player. Returns the JSON of the player's waiting tickets. */
    private static final LuaScript WAITING_OF = new LuaScript("""
            local pre = ARGV[1]
            local out = {}
            local all = redis.call('HGETALL', pre .. 'p:' .. ARGV[2])
            for i = 2, #all, 2 do
              local json = redis.call('GET', pre .. 't:' .. all[i])
              if json then table.insert(out, json) end
            end
            return out
            """);

    /**
     * ARGV: epoch key, the epoch the node knows, prefix, ids... Returns, per id, 1 while the ticket waits, else 0;
     * nil when the epoch differs (Redis lost its data: a missing ticket is not a finished one).
     */
    private static final LuaScript STILL_WAITING = new LuaScript("""
            if redis.call('GET', ARGV[1]) ~= ARGV[2] then return nil end
            local out = {}
            for i = 4, #ARGV do
              local json = redis.call('GET', ARGV[3] .. 't:' .. ARGV[i])
              out[#out + 1] = (json and cjson.decode(json).status == 'waiting') and 1 or 0
            end
            return out
            """);

    /** Published statistics outlive a dead matcher by this much, then the mode shows as empty until a new one. */
    private static final Duration STATS_TTL = Duration.ofSeconds(30);

    private final Redis client;
    private final long retentionMillis;
    /** The waiting tickets this node wrote, to write back when Redis lost its data. */
    private final Map<TicketId, TicketRecord> mine = new ConcurrentHashMap<>();

    public RedisTicketStore(Redis client, Duration retention) {
        this.client = client;
        this.retentionMillis = retention.toMillis();
    }

    /**
     * Forgets the tickets of this node another node finished (cancelled, matched); keeps all when {@code epoch} is
     * no longer Redis's (the rewrite comes).
     */
    Future<Void> prune(String epoch, java.util.function.BooleanSupplier holds) {
        List<TicketId> ids = List.copyOf(mine.keySet());
        if (ids.isEmpty() || epoch == null) {
            return Future.succeededFuture();
        }
        List<String> args = new ArrayList<>(List.of(RedisEpoch.KEY, epoch, PREFIX));
        ids.forEach(id -> args.add(id.toString()));
        return STILL_WAITING.run(client::send, List.of(), args).map(r -> {
            if (r != null && holds.getAsBoolean()) {
                for (int i = 0; i < ids.size(); i++) {
                    if (r.get(i).toLong() == 0) {
                        mine.remove(ids.get(i));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Writes this node's waiting tickets back, oldest first, after Redis lost its data; one whose player queued
     * again in its mode meanwhile is dropped (the newer ticket stands). Completes with how many were written.
     */
    Future<Integer> rewrite() {
        List<TicketRecord> all = new ArrayList<>(mine.values());
        all.sort(java.util.Comparator.comparing(r -> r.ticket().createdAt()));
        List<Future<Boolean>> writes = all.stream().map(r -> add(r).map(true).otherwise(e -> {
            mine.remove(r.ticket().id());
            log.info("ticket {} not written back after Redis lost its data: {}", r.ticket().id(), e.getMessage());
            return false;
        })).toList();
        return Future.join(writes).map(v -> (int) writes.stream().filter(f -> Boolean.TRUE.equals(f.result()))
                .count());
    }

    private void observed(TicketRecord r) {
        if (r.status() == TicketStatus.WAITING) {
            mine.put(r.ticket().id(), r);
        } else {
            mine.remove(r.ticket().id());
        }
    }

    @Override
    public Future<Void> add(TicketRecord waiting) {
        List<String> args = new ArrayList<>(List.of(PREFIX, waiting.ticket().id().toString(),
                TicketView.encode(waiting), waiting.ticket().mode()));
        waiting.players().forEach(p -> args.add(p.toString()));
        return ADD.run(client::send, List.of(), args).compose(r -> {
            String s = r == null ? "" : r.toString();
            if (s.isEmpty()) {
                mine.put(waiting.ticket().id(), waiting);
                return Future.succeededFuture();
            }
            String[] parts = s.split(" ");
            if (parts[0].equals("exists")) {
                return Future.failedFuture(new ArenaException.Conflict("ticket " + parts[1] + " exists"));
            }
            return Future.failedFuture(TicketRules.alreadyQueued(UUID.fromString(parts[0]), waiting.ticket().mode(),
                    new TicketId(UUID.fromString(parts[1]))));
        });
    }

    @Override
    public Future<Optional<TicketRecord>> find(TicketId id) {
        return client.send(Request.cmd(Command.GET).arg(PREFIX + "t:" + id)).map(RedisTicketStore::record);
    }

    @Override
    public Future<Optional<TicketRecord>> cancel(TicketId id, String reason) {
        return CANCEL.run(client::send, List.of(), List.of(PREFIX, id.toString(), reason,
                String.valueOf(retentionMillis))).map(RedisTicketStore::record).onSuccess(r -> r.ifPresent(this::observed));
    }

    @Override
    public Future<List<TicketRecord>> waiting(String mode) {
        return client.send(Request.cmd(Command.HVALS).arg(PREFIX + "w:" + mode)).map(RedisTicketStore::records);
    }

    @Override
    public Future<Claim> claim(Collection<TicketId> ids) {
        List<String> args = new ArrayList<>(List.of(PREFIX, String.valueOf(retentionMillis)));
        ids.forEach(id -> args.add(id.toString()));
        return CLAIM.run(client::send, List.of(), args).map(r -> {
            if (r.get(0).toLong() != 1) {
                return Claim.LOST;
            }
            ids.forEach(mine::remove);
            List<TicketRecord> withdrawn = new ArrayList<>();
            for (int i = 1; i < r.size(); i++) {
                withdrawn.add(TicketView.decode(r.get(i).toString()));
            }
            withdrawn.forEach(this::observed);
            return new Claim(true, withdrawn);
        });
    }

    @Override
    public Future<List<TicketRecord>> requeue(Collection<TicketRecord> records, String reason) {
        List<String> args = new ArrayList<>(List.of(PREFIX, String.valueOf(retentionMillis), reason));
        for (TicketRecord r : records) {
            args.add(r.ticket().id().toString());
            args.add(TicketView.encode(TicketRecord.waiting(r.ticket(), r.owner())));
        }
        return REQUEUE.run(client::send, List.of(), args).map(RedisTicketStore::records)
                .onSuccess(changed -> changed.forEach(this::observed));
    }

    @Override
    public Future<Void> assign(Collection<TicketId> ids, UUID gameId, String node) {
        List<String> args = new ArrayList<>(List.of(PREFIX, String.valueOf(retentionMillis), gameId.toString(), node));
        ids.forEach(id -> args.add(id.toString()));
        return ASSIGN.run(client::send, List.of(), args).mapEmpty();
    }

    @Override
    public Future<List<TicketRecord>> waitingOf(UUID player) {
        return WAITING_OF.run(client::send, List.of(), List.of(PREFIX, player.toString()))
                .map(RedisTicketStore::records);
    }

    @Override
    public Future<Void> putStats(String mode, String json) {
        return client.send(Request.cmd(Command.SET).arg(PREFIX + "stats:" + mode).arg(json).arg("PX")
                .arg(STATS_TTL.toMillis())).mapEmpty();
    }

    @Override
    public Future<Optional<String>> stats(String mode) {
        return client.send(Request.cmd(Command.GET).arg(PREFIX + "stats:" + mode))
                .map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    private static Optional<TicketRecord> record(Response r) {
        return r == null ? Optional.empty() : Optional.of(TicketView.decode(r.toString()));
    }

    private static List<TicketRecord> records(Response r) {
        List<TicketRecord> out = new ArrayList<>();
        if (r != null) {
            for (Response v : r) {
                out.add(TicketView.decode(v.toString()));
            }
        }
        return out;
    }
}
