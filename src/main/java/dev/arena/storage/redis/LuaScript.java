package dev.arena.storage.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A Lua script run with EVALSHA (only the 40-character hash travels), falling back to EVAL when Redis does not
 * know the script (after a restart or a failover its script cache is empty; EVAL caches it again).
 */
final class LuaScript {
    private final String source;
    private final String sha;

    LuaScript(String source) {
        this.source = source;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the script through {@code send} (a pooled client, or one ordered connection). */
    Future<Response> run(Function<Request, Future<Response>> send, List<String> keys, List<String> args) {
        return send.apply(request(Command.EVALSHA, sha, keys, args)).recover(e -> {
            String m = e.getMessage();
            return m != null && m.startsWith("NOSCRIPT") ? send.apply(request(Command.EVAL, source, keys, args))
                    : Future.failedFuture(e);
        });
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request r = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(r::arg);
        args.forEach(r::arg);
        return r;
    }
}
