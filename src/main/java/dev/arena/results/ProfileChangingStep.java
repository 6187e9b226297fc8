package dev.arena.results;

import dev.arena.match.MatchResult;
import dev.arena.player.ProfileChanges;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A step whose writes show in players' profiles (stats, ratings; the recent games were stored with the result,
 * before any step ran): once it has applied, every participant's cached profile is dropped on every node. A retried
 * or repeated run tells again, which is harmless.
 */
public record ProfileChangingStep(ResultStep step, ProfileChanges changes) implements ResultStep {

    @Override
    public String name() {
        return step.name();
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        return step.apply(match).compose(v -> {
            List<Future<Void>> told = new ArrayList<>();
            for (MatchResult.Standing s : match.result().standings()) {
                told.add(changes.changed(s.player().value()));
            }
            return Future.all(told).mapEmpty();
        });
    }
}
