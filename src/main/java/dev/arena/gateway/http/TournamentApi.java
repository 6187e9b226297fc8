package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.console.Audit;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.tournament.Registration;
import dev.arena.tournament.Tournament;
import dev.arena.tournament.TournamentFormat;
import dev.arena.tournament.TournamentService;
import dev.arena.tournament.TournamentStatus;
import dev.arena.tournament.TournamentStore;
import dev.arena.tournament.TournamentViews;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Side;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /tournaments/*}: creating and running tournaments (authenticated; the organiser's actions need the
 * organiser or an admin) and reading them (public). Create, start, cancel and a result set by hand, when done by a
 * console account (viewer, moderator, admin), are also written to the console's audit log with their optional
 * {@code reason}: staff answer for what they do to tournaments as for any console action. Players organising their
 * own tournaments are not audited (their results and corrections are kept by the tournament itself).
 */
final class TournamentApi {
    private static final Pattern PAIRING = Pattern.compile("[A-Z0-9-]{1,16}");
    private final TournamentService tournaments;
    private final Audit audit;

    TournamentApi(TournamentService tournaments, Audit audit) {
        this.tournaments = tournaments;
        this.audit = audit;
    }

    record TournamentBody(UUID tournamentId, String name, TournamentFormat format, String mode,
                          TournamentStatus status, int maxPlayers, int bestOf, Integer rounds,
                          boolean thirdPlaceMatch, Instant startsAt, int checkInMinutes, Instant checkInOpensAt,
                          int noShowMinutes, UUID organiserId, long version, Instant createdAt, Instant startedAt,
                          Instant endedAt) {
        static TournamentBody of(Tournament t) {
            return new TournamentBody(t.id(), t.name(), t.format(), t.mode(), t.status(), t.maxPlayers(), t.bestOf(),
                    t.rounds(), t.thirdPlaceMatch(), t.startsAt(), t.checkInMinutes(), t.checkInOpensAt(),
                    t.noShowMinutes(), t.organiser(), t.version(), t.createdAt(), t.startedAt(), t.endedAt());
        }
    }

    record PlayerBody(UUID playerId, String displayName, Instant registeredAt, boolean checkedIn, Integer seed) {
        static PlayerBody of(Registration r) {
            return new PlayerBody(r.playerId(), r.displayName(), r.registeredAt(), r.checkedInAt() != null, r.seed());
        }
    }

    record DetailsBody(TournamentBody tournament, int playerCount, List<PlayerBody> players) {}

    record TournamentList(List<TournamentBody> tournaments) {}

    record GameList(UUID tournamentId, Integer round, List<TournamentViews.GameView> matches) {}

    record CorrectionBody(String pairingId, String previous, String corrected, List<String> reset, String reason,
                          UUID correctedBy, Instant createdAt) {}

    record CorrectionList(UUID tournamentId, List<CorrectionBody> corrections) {}

    void mount(Router router, Authenticator auth) {
        router.post("/tournaments").handler(auth).handler(this::create);
        router.get("/tournaments").handler(this::list);
        router.get("/tournaments/:tournament_id").handler(this::details);
        router.post("/tournaments/:tournament_id/register").handler(auth).handler(ctx ->
                Handlers.noContent(ctx, tournaments.register(id(ctx), me(ctx))));
        router.post("/tournaments/:tournament_id/unregister").handler(auth).handler(ctx ->
                Handlers.noContent(ctx, tournaments.unregister(id(ctx), me(ctx))));
        router.post("/tournaments/:tournament_id/check-in").handler(auth).handler(ctx ->
                Handlers.noContent(ctx, tournaments.checkIn(id(ctx), me(ctx))));
        router.post("/tournaments/:tournament_id/start").handler(auth).handler(this::start);
        router.post("/tournaments/:tournament_id/cancel").handler(auth).handler(this::cancel);
        router.post("/tournaments/:tournament_id/pairings/:pairing_id/result").handler(auth).handler(this::result);
        router.get("/tournaments/:tournament_id/bracket").handler(ctx ->
                Handlers.respond(ctx, 200, tournaments.bracket(id(ctx))));
        router.get("/tournaments/:tournament_id/leaderboard").handler(ctx ->
                Handlers.respond(ctx, 200, tournaments.leaderboard(id(ctx))));
        router.get("/tournaments/:tournament_id/matches").handler(this::matches);
        router.get("/tournaments/:tournament_id/corrections").handler(ctx -> {
            UUID id = id(ctx);
            Handlers.respond(ctx, 200, tournaments.corrections(id).map(cs -> new CorrectionList(id, cs.stream()
                    .map(TournamentApi::correction).toList())));
        });
    }

    private static CorrectionBody correction(TournamentStore.Correction c) {
        return new CorrectionBody(c.pairing().value(), c.previous(), c.corrected(),
                c.reset().stream().map(PairingId::value).toList(), c.reason(), c.by(), c.at());
    }

    private void create(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("name", "format", "mode", "max_players", "best_of", "starts_at",
                "check_in_minutes", "rounds", "third_place_match", "no_show_minutes", "reason");
        String reason = reason(body);
        JsonObject json = body.json();
        String name = body.string("name", 1, 100, null, null);
        String rawFormat = body.string("format", 1, 32, null, null);
        TournamentFormat format = null;
        if (rawFormat != null) {
            format = TournamentFormat.fromWire(rawFormat).orElse(null);
            if (format == null) {
                body.error("format", "must be one of " + TournamentFormat.names());
            }
        }
        String mode = body.string("mode", 1, 32, null, null);
        Integer max = integer(body, "max_players", 2, 4096, null);
        Integer bestOf = integer(body, "best_of", 1, 9, 1);
        if (bestOf != null && bestOf % 2 == 0) {
            body.error("best_of", "must be odd (a best of N ends once one side has won more than half)");
        }
        Instant startsAt = null;
        String rawStart = body.string("starts_at", 1, 64, null, null);
        if (rawStart != null) {
            try {
                startsAt = Instant.parse(rawStart);
            } catch (DateTimeParseException e) {
                body.error("starts_at", "must be an ISO-8601 instant such as 2026-12-01T18:00:00Z");
            }
        }
        Integer checkIn = integer(body, "check_in_minutes", 0, 1440, 0);
        Integer noShow = integer(body, "no_show_minutes", 1, 120, 5);
        Integer rounds = integer(body, "rounds", 1, 64, null);
        if (format == TournamentFormat.SWISS) {
            if (!json.containsKey("rounds")) {
                body.error("rounds", "is required for swiss");
            } else if (rounds != null && max != null && rounds > (max % 2 == 0 ? max - 1 : max)) {
                body.error("rounds", "must be at most " + (max % 2 == 0 ? max - 1 : max)
                        + " with " + max + " players (no rematches)");
            }
        } else if (format != null && json.containsKey("rounds")) {
            body.error("rounds", "applies to swiss only");
        }
        Object third = json.getValue("third_place_match");
        if (json.containsKey("third_place_match")) {
            if (!(third instanceof Boolean)) {
                body.error("third_place_match", "must be a boolean");
            } else if (format != null && format != TournamentFormat.SINGLE_ELIMINATION) {
                body.error("third_place_match", "applies to single_elimination only");
            }
        }
        body.validate();
        var request = new TournamentService.Create(name, format, mode, max, bestOf, rounds,
                Boolean.TRUE.equals(third), startsAt, checkIn, noShow);
        Handlers.respond(ctx, 201, audited(ctx, "tournament.create", null, reason,
                () -> tournaments.create(me(ctx), request)).map(TournamentBody::of));
    }

    /**
     * The action, and its audit entry when a console account did it (target: the tournament, the one the action
     * answers with when {@code target} is null, as for a new one; detail: its name and mode).
     */
    private Future<Tournament> audited(RoutingContext ctx, String action, UUID target, String reason,
                                       Supplier<Future<Tournament>> work) {
        return audited(ctx, action, t -> (target == null ? t.id() : target).toString(), reason,
                t -> Map.of("name", t.name(), "mode", t.mode()), work);
    }

    private <T> Future<T> audited(RoutingContext ctx, String action, Function<T, String> target, String reason,
                                  Function<T, Map<String, Object>> detail, Supplier<Future<T>> work) {
        Principal me = Handlers.principal(ctx);
        return me.role().atLeast(Role.VIEWER)
                ? audit.run(me, action, target, reason == null ? "" : reason, detail, work) : work.get();
    }

    /** The optional {@code reason} (1-500 characters): why, for the audit log or the correction. */
    private static String reason(RequestBody body) {
        return body.optionalString("reason", 1, 500, null, null).orElse(null);
    }

    private void cancel(RoutingContext ctx) {
        UUID id = id(ctx);
        RequestBody body = RequestBody.of(ctx).only("reason");
        String reason = reason(body);
        body.validate();
        Handlers.respond(ctx, 200, audited(ctx, "tournament.cancel", id, reason,
                () -> tournaments.cancel(id, Handlers.principal(ctx))).map(TournamentBody::of));
    }

    /** An optional (when {@code fallback} is not null) or required integer within bounds; null when invalid. */
    private static Integer integer(RequestBody body, String field, int min, int max, Integer fallback) {
        JsonObject json = body.json();
        if (!json.containsKey(field)) {
            if (fallback == null && !field.equals("rounds")) {
                body.error(field, "is required");
            }
            return fallback;
        }
        if (!(json.getValue(field) instanceof Integer v)) {
            body.error(field, json.getValue(field) == null ? "must not be null" : "must be an integer");
            return null;
        }
        if (v < min || v > max) {
            body.error(field, "must be between " + min + " and " + max);
            return null;
        }
        return v;
    }

    private void list(RoutingContext ctx) {
        String raw = ctx.queryParams().get("status");
        TournamentStatus status = null;
        if (raw != null) {
            try {
                status = TournamentStatus.fromWire(raw);
            } catch (IllegalArgumentException e) {
                throw new ArenaException.Invalid("status",
                        "must be one of registering, checking_in, running, completed, cancelled");
            }
        }
        Handlers.respond(ctx, 200, tournaments.list(status)
                .map(ts -> new TournamentList(ts.stream().map(TournamentBody::of).toList())));
    }

    private void details(RoutingContext ctx) {
        Handlers.respond(ctx, 200, tournaments.details(id(ctx)).map(d -> new DetailsBody(
                TournamentBody.of(d.tournament()), d.players().size(),
                d.players().stream().map(PlayerBody::of).toList())));
    }

    private void start(RoutingContext ctx) {
        UUID id = id(ctx);
        RequestBody body = RequestBody.of(ctx).only("seed_order", "reason");
        String reason = reason(body);
        Object raw = body.json().getValue("seed_order");
        List<UUID> order = null;
        if (body.json().containsKey("seed_order")) {
            if (!(raw instanceof JsonArray array)) {
                body.error("seed_order", "must be an array of player ids");
            } else {
                order = new ArrayList<>();
                for (Object o : array) {
                    try {
                        order.add(UUID.fromString((String) o));
                    } catch (RuntimeException e) {
                        body.error("seed_order", "must contain player ids (UUIDs) only");
                        break;
                    }
                }
            }
        }
        body.validate();
        List<UUID> seeds = order;
        Handlers.respond(ctx, 200, audited(ctx, "tournament.start", id, reason,
                () -> tournaments.start(id, Handlers.principal(ctx), seeds)).map(TournamentBody::of));
    }

    private void result(RoutingContext ctx) {
        UUID id = id(ctx);
        String rawPairing = ctx.pathParam("pairing_id");
        if (rawPairing == null || !PAIRING.matcher(rawPairing).matches()) {
            throw new ArenaException.Invalid("pairing_id", "must be a pairing id such as W1-1, L2-3, GF1, R3-2, S1-4");
        }
        RequestBody body = RequestBody.of(ctx).only("home_wins", "away_wins", "draws", "walkover", "reason");
        JsonObject json = body.json();
        String reason = reason(body);
        Result result = null;
        if (json.containsKey("walkover")) {
            String side = body.optionalString("walkover", 4, 4, Pattern.compile("home|away"),
                    "must be home or away (the side that did not show)").orElse(null);
            if (json.containsKey("home_wins") || json.containsKey("away_wins") || json.containsKey("draws")) {
                body.error("walkover", "give either a walkover or game counts, not both");
            } else if (side != null) {
                result = Result.walkover(Side.valueOf(side.toUpperCase(Locale.ROOT)));
            }
        } else {
            Integer home = integer(body, "home_wins", 0, 9, null);
            Integer away = integer(body, "away_wins", 0, 9, null);
            Integer draws = integer(body, "draws", 0, 9, 0);
            if (home != null && away != null && draws != null) {
                result = Result.series(home, away, draws);
            }
        }
        body.validate();
        Result set = result;
        Handlers.respond(ctx, 200, audited(ctx, "tournament.result", view -> id.toString(), reason,
                view -> Map.of("pairing", rawPairing, "result", describe(set)),
                () -> tournaments.setResult(id, PairingId.of(rawPairing), set, reason, Handlers.principal(ctx))));
    }

    /** The result as the audit log shows it: {@code 2-1-0} (home, away, draws) or {@code walkover: away}. */
    private static String describe(Result r) {
        return switch (r) {
            case Result.Series s -> s.homeWins() + "-" + s.awayWins() + "-" + s.draws();
            case Result.Walkover w -> "walkover: " + w.noShow().name().toLowerCase(Locale.ROOT);
        };
    }

    private void matches(RoutingContext ctx) {
        UUID id = id(ctx);
        String raw = ctx.queryParams().get("round");
        Integer round = null;
        if (raw != null) {
            try {
                round = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                round = -1;
            }
            if (round < 1) {
                throw new ArenaException.Invalid("round", "must be a round number (1 or more)");
            }
        }
        Integer r = round;
        Handlers.respond(ctx, 200, tournaments.matches(id, r).map(ms -> new GameList(id, r, ms)));
    }

    private static UUID id(RoutingContext ctx) {
        return Handlers.uuidParam(ctx, "tournament_id");
    }

    private static UUID me(RoutingContext ctx) {
        return Handlers.principal(ctx).playerId();
    }
}
