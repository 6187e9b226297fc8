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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Parties in Redis: {@code arena:mm:party:<id>} the party's JSON ({@link PartyView}, with its version) and
 * {@code arena:mm:pp:<player>} the party a player is a member of. Create and replace are Lua scripts that check
 * the version and the membership index and write both in one step.
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

    private final Redis client;

    public RedisPartyStore(Redis client) {
        this.client = client;
    }

    @Override
    public Future<Void> create(Party party) {
        return CREATE.run(client::send, List.of(PARTY + party.id(), MEMBER + party.leader()),
                List.of(PartyView.encode(party), party.id().toString())).compose(r -> {
                    String held = r == null ? "" : r.toString();
                    return held.isEmpty() ? Future.succeededFuture() : Future.failedFuture(conflict(party.leader(),
                            held));
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
                    return Future.succeededFuture(s.equals("ok"));
                });
    }

    private static ArenaException conflict(UUID player, String party) {
        return PartyService.alreadyInParty(player, new PartyId(UUID.fromString(party)));
    }
}
