package dev.arena.match;

import dev.arena.common.ArenaException.FieldError;
import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code result} of {@code POST /games/{id}/finish}, in one of three forms: {@code {"winner": id}} (everyone
 * else shares second place), {@code {"draw": true}} (everyone shares first place), or
 * {@code {"standings": [{"player_id", "place", "score"?}]}}; each with an optional {@code reason}. The match then
 * checks the players against its seats.
 */
public final class ReportedResult {
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> FIELDS = Set.of("winner", "draw", "standings", "reason");

    private ReportedResult() {}

    public static MatchResult parse(JsonObject raw, List<PlayerId> seated) {
        List<FieldError> errors = new ArrayList<>();
        for (String k : raw.fieldNames()) {
            if (!FIELDS.contains(k)) {
                errors.add(new FieldError("result." + k, "unknown field"));
            }
        }
        Object reasonRaw = raw.getValue("reason");
        String reason = "reported";
        if (reasonRaw != null) {
            if (reasonRaw instanceof String r && REASON.matcher(r).matches()) {
                reason = r;
            } else {
                errors.add(new FieldError("result.reason", "must be 1-32 characters of a-z 0-9 _"));
            }
        }
        int forms = (raw.containsKey("winner") ? 1 : 0) + (raw.containsKey("draw") ? 1 : 0)
                + (raw.containsKey("standings") ? 1 : 0);
        if (forms != 1) {
            errors.add(new FieldError("result", "give exactly one of winner, draw or standings"));
        }
        List<MatchResult.Standing> standings = errors.isEmpty() ? standings(raw, seated, errors) : List.of();
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        try {
            return MatchResult.ranked(standings, reason);
        } catch (IllegalArgumentException e) {
            throw new ArenaException.Invalid("result.standings", e.getMessage());
        }
    }

    private static List<MatchResult.Standing> standings(JsonObject raw, List<PlayerId> seated,
                                                        List<FieldError> errors) {
        List<MatchResult.Standing> out = new ArrayList<>();
        if (raw.containsKey("winner")) {
            PlayerId winner = player(raw.getValue("winner"), "result.winner", errors);
            if (winner != null) {
                out.add(new MatchResult.Standing(winner, 1, 1));
                seated.stream().filter(p -> !p.equals(winner)).forEach(p -> out.add(new MatchResult.Standing(p, 2, 0)));
            }
        } else if (raw.containsKey("draw")) {
            if (!Boolean.TRUE.equals(raw.getValue("draw"))) {
                errors.add(new FieldError("result.draw", "must be true"));
            } else if (seated.size() < 2) {
                errors.add(new FieldError("result.draw", "a draw needs at least two seated players"));
            }
            seated.forEach(p -> out.add(new MatchResult.Standing(p, 1, 0)));
        } else if (!(raw.getValue("standings") instanceof JsonArray list) || list.isEmpty()) {
            errors.add(new FieldError("result.standings", "must be a non-empty array"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = "result.standings[" + i + "]";
                if (!(list.getValue(i) instanceof JsonObject s)) {
                    errors.add(new FieldError(at, "must be an object {player_id, place, score?}"));
                    continue;
                }
                PlayerId p = player(s.getValue("player_id"), at + ".player_id", errors);
                Object place = s.getValue("place");
                Object score = s.getValue("score", 0);
                if (!(place instanceof Integer pl) || pl < 1) {
                    errors.add(new FieldError(at + ".place", "must be a whole number from 1"));
                } else if (!(score instanceof Integer || score instanceof Long)) {
                    errors.add(new FieldError(at + ".score", "must be a whole number"));
                } else if (p != null) {
                    try {
                        out.add(new MatchResult.Standing(p, pl, ((Number) score).longValue()));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(at, e.getMessage()));
                    }
                }
            }
        }
        return out;
    }

    private static PlayerId player(Object raw, String field, List<FieldError> errors) {
        try {
            return PlayerId.parse((String) raw);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "must be a player id (UUID)"));
            return null;
        }
    }
}
