package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.service.Party;
import dev.arena.matchmaking.service.PartyService;
import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PartyView;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parties in Redis: {@code arena:mm:party:<id>} the party's JSON ({@link PartyView}, with its version) and
 * {@code arena:mm:pp:<player>} the party a player is a member of. Create and replace are Lua scripts that check
 * the version and the membership index and write both in one step.
 *
 * <p>Who writes a party back when Redis lost its data: the node that last wrote it (every change is written over
 * the version it read, so the last writer holds the newest version). Each node remembers the parties it wrote,
 * forgets those it disbanded and, every {@link #prune}, those another node changed or disbanded since; after a loss
 * it writes its own back ({@link #rewrite}), and of two nodes writing back one party the higher version wins.
 */
public final class RedisPartyStore implements PartyStore {
    private static final String PARTY = RedisTicketStore.PREFIX + "party:";
    private static final String MEMBER = RedisTicketStore.PREFIX + "pp:";

    /** KEYS: party, leader's index. ARGV: json, id. Returns "" or the party the leader is in. */
    private static final LuaScript CREATE = new LuaScript("""
            local held = redis.call('GET', KEYS[2])
            if held then return held end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], ARGV[2])
            return ''
            """);

    /**
     * KEYS: party. ARGV: expected version, next json ('' = disband), id, index prefix.
     * Returns "ok", "stale", or "conflict <player> <party>".
     */
    private static final LuaScript REPLACE = new LuaScript("""
            local cur = redis.call('GET', KEYS[1])
            if not cur then return 'stale' end
            local c = cjson.decode(cur)
            if tostring(c.version) ~= ARGV[1] then return 'stale' end
            local n = nil
            if ARGV[2] ~= '' then
              n = cjson.decode(ARGV[2])
              for _, m in ipairs(n.members) do
                local other = redis.call('GET', ARGV[4] .. m)
                if other and other ~= ARGV[3] then return 'conflict ' .. m .. ' ' .. other end
              end
            end
            for _, m in ipairs(c.members) do
              if redis.call('GET', ARGV[4] .. m) == ARGV[3] then redis.call('DEL', ARGV[4] .. m) end
            end
            if n then
              redis.call('SET', KEYS[1], ARGV[2])
              for _, m in ipairs(n.members) do redis.call('SET', ARGV[4] .. m, ARGV[3]) end
            else
              redis.call('DEL', KEYS[1])
            end
            return 'ok'
            """);

    /**
     * KEYS: party. ARGV: json, id, version, index prefix, members... Writes a party back unless the stored one is as
     * new; a member indexed under another party stays there. Returns 1 when written.
     */
    private static final LuaScript REWRITE = new LuaScript("""
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local c = cjson.decode(cur)
              if tonumber(c.version) >= tonumber(ARGV[3]) then return 0 end
              for _, m in ipairs(c.members) do
                if redis.call('GET', ARGV[4] .. m) == ARGV[2] then redis.call('DEL', ARGV[4] .. m) end
              end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            for i = 5, #ARGV do redis.call('SET', ARGV[4] .. ARGV[i], ARGV[2], 'NX') end
            return 1
            """);

    /**
     * ARGV: epoch key, the epoch the node knows, party prefix, ids... Returns each party's stored version (-1 when
     * gone); nil when the epoch differs (Redis lost its data: a missing party is not a disbanded one).
     */
    private static final LuaScript VERSIONS = new LuaScript("""
            if redis.call('GET', ARGV[1]) ~= ARGV[2] then return nil end
            local out = {}
            for i = 4, #ARGV do
              local json = redis.call('GET', ARGV[3] .. ARGV[i])
              out[#out + 1] = json and tonumber(cjson.decode(json).version) or -1
            end
            return out
            """);

    private final Redis client;
    /** The parties this node wrote last, as it wrote them. */
    private final Map<PartyId, Party> mine = new ConcurrentHashMap<>();

    public RedisPartyStore(Redis client) {
        this.client = client;
    }

    /** Forgets the parties another node changed or disbanded since this node wrote them (unless Redis lost its data). */
    Future<Void> prune(String epoch, java.util.function.BooleanSupplier holds) {
        List<Party> held = List.copyOf(mine.values());
        if (held.isEmpty() || epoch == null) {
            return Future.succeededFuture();
        }
        List<String> args = new ArrayList<>(List.of(RedisEpoch.KEY, epoch, PARTY));
        held.forEach(p -> args.add(p.id().toString()));
        return VERSIONS.run(client::send, List.of(), args).map(r -> {
            if (r != null && holds.getAsBoolean()) {
                for (int i = 0; i < held.size(); i++) {
                    if (r.get(i).toLong() != held.get(i).version()) {
                        mine.remove(held.get(i).id(), held.get(i));
                    }
                }
            }
            return null;
        });
    }

    /** Writes this node's parties back after Redis lost its data; completes with how many were written. */
    Future<Integer> rewrite() {
        List<Future<Response>> writes = mine.values().stream().map(p -> {
            List<String> args = new ArrayList<>(List.of(PartyView.encode(p), p.id().toString(),
                    String.valueOf(p.version()), MEMBER));
            p.members().forEach(m -> args.add(m.toString()));
            return REWRITE.run(client::send, List.of(PARTY + p.id()), args);
        }).toList();
        return Future.join(writes).map(v -> (int) writes.stream()
                .filter(f -> f.succeeded() && f.result().toLong() == 1).count());
    }

    @Override
    public Future<Void> create(Party party) {
        return CREATE.run(client::send, List.of(PARTY + party.id(), MEMBER + party.leader()),
                List.of(PartyView.encode(party), party.id().toString())).compose(r -> {
                    String held = r == null ? "" : r.toString();
                    if (held.isEmpty()) {
                        mine.put(party.id(), party);
                        return Future.succeededFuture();
                    }
                    return Future.failedFuture(conflict(party.leader(), held));
                });
    }

    @Override
    public Future<Optional<Party>> find(PartyId id) {
        return client.send(Request.cmd(Command.GET).arg(PARTY + id))
                .map(r -> r == null ? Optional.<Party>empty() : Optional.of(PartyView.decode(r.toString())));
    }

    @Override
    public Future<Optional<PartyId>> partyOf(UUID player) {
        return client.send(Request.cmd(Command.GET).arg(MEMBER + player))
                .map(r -> r == null ? Optional.<PartyId>empty()
                        : Optional.of(new PartyId(UUID.fromString(r.toString()))));
    }

    @Override
    public Future<Boolean> replace(Party current, Party next) {
        return REPLACE.run(client::send, List.of(PARTY + current.id()), List.of(String.valueOf(current.version()),
                next == null ? "" : PartyView.encode(next), current.id().toString(), MEMBER)).compose(r -> {
                    String s = r.toString();
                    if (s.startsWith("conflict ")) {
                        String[] parts = s.split(" ");
                        return Future.failedFuture(conflict(UUID.fromString(parts[1]), parts[2]));
                    }
                    if (s.equals("ok")) {
                        if (next == null) {
                            mine.remove(current.id());
                        } else {
                            mine.put(next.id(), next);
                        }
                    }
                    return Future.succeededFuture(s.equals("ok"));
                });
    }

    private static ArenaException conflict(UUID player, String party) {
        return PartyService.alreadyInParty(player, new PartyId(UUID.fromString(party)));
    }
}
