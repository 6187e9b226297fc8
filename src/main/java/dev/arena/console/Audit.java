package dev.arena.console;

import dev.arena.identity.Principal;
import dev.arena.player.PlayerService;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a console action and writes it to the audit log once it has succeeded (a refused or failed action changed
 * nothing, so there is nothing to answer for). The actor's display name is stored with the entry: the log stays
 * readable after the account is renamed or deleted.
 */
public final class Audit {
    private final ConsoleStore store;
    private final PlayerService players;
    private final Clock clock;

    public Audit(ConsoleStore store, PlayerService players, Clock clock) {
        this.store = store;
        this.players = players;
        this.clock = clock;
    }

    public <T> Future<T> run(Principal actor, String action, String target, String reason,
                             Map<String, Object> detail, Supplier<Future<T>> work) {
        return run(actor, action, target, reason, result -> detail, work);
    }

    /** As above, with a detail taken from the action's result (what it acted on, known only once done). */
    public <T> Future<T> run(Principal actor, String action, String target, String reason,
                             Function<T, Map<String, Object>> detail, Supplier<Future<T>> work) {
        return run(actor, action, result -> target, reason, detail, work);
    }

    /** As above, with the target taken from the result too (a thing the action made, such as a new tournament). */
    public <T> Future<T> run(Principal actor, String action, Function<T, String> target, String reason,
                             Function<T, Map<String, Object>> detail, Supplier<Future<T>> work) {
        return work.get().compose(result -> players.player(actor.playerId())
                .compose(me -> store.audit(new AuditEntry(0, clock.instant(), actor.playerId(), me.displayName(),
                        action, target.apply(result), reason, detail.apply(result))))
                .map(result));
    }
}
