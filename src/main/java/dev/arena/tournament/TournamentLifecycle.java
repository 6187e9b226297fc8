package dev.arena.tournament;

import dev.arena.common.ArenaException;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.rating.Rating;
import dev.arena.rating.RatingSource;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.BracketException;
import dev.arena.tournament.bracket.Brackets;
import dev.arena.tournament.bracket.Correction;
import dev.arena.tournament.bracket.Format;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Seed;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tournament's lifecycle: creation, registration and check-in, the start (seeding and pairing), cancellation and
 * the organiser's results and corrections. Each step is one change ({@link TournamentChanges#change}).
 */
final class TournamentLifecycle {
    private final TournamentChanges changes;
    private final TournamentStore store;
    private final RatingSource ratings;
    private final Clock clock;

    TournamentLifecycle(TournamentChanges changes, TournamentStore store, RatingSource ratings, Clock clock) {
        this.changes = changes;
        this.store = store;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** The creator is the organiser. {@code Invalid} when the mode is not a game of this node. */
    Future<Tournament> create(UUID organiser, TournamentService.Create c) {
        if (changes.matches().registry().games().find(c.mode()).isEmpty()) {
            throw new ArenaException.Invalid("mode", "unknown game mode; one of "
                    + changes.matches().registry().games().games().stream().map(i -> i.mode()).toList());
        }
        Instant now = clock.instant();
        TournamentStatus status = c.checkInMinutes() > 0 && !now.isBefore(c.startsAt().minusSeconds(60L * c.checkInMinutes()))
                ? TournamentStatus.CHECKING_IN : TournamentStatus.REGISTERING;
        Tournament t = new Tournament(UUID.randomUUID(), c.name(), c.format(), c.mode(), c.maxPlayers(), c.bestOf(),
                c.format() == TournamentFormat.SWISS ? c.rounds() : null, c.thirdPlaceMatch(), c.startsAt(),
                c.checkInMinutes(), c.noShowMinutes(), organiser, status, 0, now, null, null);
        return store.insert(t);
    }

    Future<Void> register(UUID id, UUID player) {
        return changes.change(id, w -> {
            Tournament t = w.tournament;
            if (!t.status().open()) {
                throw new ArenaException.Conflict("registration is closed: the tournament is " + t.status().wire());
            }
            // insert first (a second registration is refused by the key), then count: over the limit rolls back
            return w.tx().register(id, player, w.now).map(count -> {
                if (count > t.maxPlayers()) {
                    throw new ArenaException.Conflict("the tournament is full (" + t.maxPlayers() + " players)");
                }
                players(w, "player_registered", player, count);
                return null;
            });
        });
    }

    Future<Void> unregister(UUID id, UUID player) {
        return changes.change(id, w -> {
            if (!w.tournament.status().open()) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire()
                        + ": registrations can no longer change");
            }
            return w.tx().unregister(id, player).compose(was -> {
                if (!was) {
                    throw new ArenaException.Conflict("not registered");
                }
                return w.tx().registrationCount(id).map(count -> {
                    players(w, "player_unregistered", player, count);
                    return null;
                });
            });
        });
    }

    Future<Void> checkIn(UUID id, UUID player) {
        return changes.change(id, w -> {
            if (w.tournament.status() != TournamentStatus.CHECKING_IN) {
                throw new ArenaException.Conflict(w.tournament.checkInMinutes() == 0
                        ? "this tournament has no check-in"
                        : "check-in is not open: the tournament is " + w.tournament.status().wire());
            }
            return w.tx().checkIn(id, player, w.now).map(was -> {
                if (!was) {
                    throw new ArenaException.Conflict("not registered");
                }
                players(w, "player_checked_in", player, null);
                return null;
            });
        });
    }

    private static void players(TournamentChange w, String type, UUID player, Integer count) {
        Map<String, Object> u = w.update(type);
        u.put("player_id", player);
        if (count != null) {
            u.put("player_count", count);
        }
    }

    /**
     * Starts the tournament now: seeds the players who take part (every registered player, or only those who
     * checked in when there is a check-in) by rating, or in {@code manualOrder} (best first), and pairs them.
     */
    Future<Tournament> start(UUID id, Principal by, List<UUID> manualOrder) {
        return changes.change(id, w -> {
            organiser(w.tournament, by);
            if (!w.tournament.status().open()) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire());
            }
            return begin(w, manualOrder, false).map(v -> w.tournament);
        });
    }

    Future<Tournament> cancel(UUID id, Principal by) {
        return changes.change(id, w -> {
            organiser(w.tournament, by);
            if (w.tournament.status().ended()) {
                throw new ArenaException.Conflict("the tournament is already " + w.tournament.status().wire());
            }
            return cancelled(w, "cancelled by the organiser").map(v -> w.tournament);
        });
    }

    private Future<Void> cancelled(TournamentChange w, String reason) {
        w.status(TournamentStatus.CANCELLED, reason);
        return w.tx().games(w.id()).compose(gs -> {
            List<Future<?>> settled = new ArrayList<>();
            for (TournamentMatch g : gs) {
                if (g.open()) {
                    settled.add(w.tx().settle(g.gameId(), TournamentMatch.Outcome.VOID, w.now));
                    w.toStop.add(g.gameId());
                }
            }
            return Future.all(settled).mapEmpty();
        });
    }

    Future<Void> begin(TournamentChange w, List<UUID> manualOrder, boolean automatic) {
        Tournament t = w.tournament;
        return w.tx().registrations(t.id()).compose(regs -> {
            List<Registration> entrants = regs.stream()
                    .filter(r -> t.checkInMinutes() == 0 || r.checkedInAt() != null).toList();
            if (entrants.size() < 2) {
                if (automatic) {
                    return cancelled(w, "fewer than 2 players " + (t.checkInMinutes() > 0 ? "checked in" : "registered"));
                }
                throw new ArenaException.Conflict("at least 2 players must have "
                        + (t.checkInMinutes() > 0 ? "checked in" : "registered") + " to start, " + entrants.size()
                        + " did");
            }
            return seedOrder(t, entrants, manualOrder).compose(order -> {
                List<Seed> seeds = TournamentChange.seeds(order);
                Format format = t.format().bracketFormat(t.bestOf(), t.rounds(), t.thirdPlaceMatch(), seeds.size());
                Bracket bracket;
                try {
                    bracket = Brackets.start(format, seeds);
                } catch (BracketException e) {
                    throw domain(e);
                }
                w.status(TournamentStatus.RUNNING, null);
                return w.bracket().compose(none -> w.tx().seed(t.id(), seeds))
                        .compose(v -> w.commit(bracket, List.of(), List.of()));
            });
        });
    }

    /** Players best first: the organiser's order, or by rating (ties: who registered first). */
    private Future<List<UUID>> seedOrder(Tournament t, List<Registration> entrants, List<UUID> manualOrder) {
        List<UUID> ids = entrants.stream().map(Registration::playerId).toList();
        if (manualOrder != null) {
            if (manualOrder.size() != ids.size() || !new HashSet<>(manualOrder).equals(new HashSet<>(ids))) {
                throw new ArenaException.Invalid("seed_order", "must list each of the " + ids.size()
                        + " players taking part exactly once");
            }
            return Future.succeededFuture(List.copyOf(manualOrder));
        }
        return ratings.ratings(t.mode(), ids).map(byPlayer -> {
            List<UUID> order = new ArrayList<>(ids); // registrations come in registration order
            order.sort(Comparator.comparingDouble(
                    (UUID p) -> -byPlayer.getOrDefault(p, Rating.UNRATED).rating()));
            return order;
        });
    }

    /**
     * The organiser's word on a pairing: the result of a pairing still being played (its open game ends), or a
     * correction of a decided one, which resets exactly the pairings that depended on it (their games stop
     * counting, new ones start) and is written to the audit trail.
     */
    Future<TournamentViews.PairingView> setResult(UUID id, PairingId pairing, Result result, String reason,
                                                         Principal by) {
        return changes.change(id, w -> {
            organiser(w.tournament, by);
            if (w.tournament.status() != TournamentStatus.RUNNING) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire());
            }
            return w.bracket().compose(b -> {
                Pairing p;
                Bracket after;
                List<PairingId> reset;
                String previous;
                try {
                    p = b.pairing(pairing);
                    if (p.state() instanceof PairingState.Decided d) {
                        Correction c = b.correctResult(pairing, result);
                        after = c.bracket();
                        reset = c.reset();
                        previous = BracketText.result(d.result());
                    } else {
                        after = b.reportResult(pairing, result);
                        reset = List.of();
                        previous = "none";
                    }
                } catch (BracketException e) {
                    throw domain(e);
                }
                // the pairing's own open game ends (a result by hand) and its series is what the organiser says
                List<PairingId> ended = new ArrayList<>(reset);
                String text = BracketText.result(result);
                var transition = new TournamentStore.Transition("correction", pairing, text, null, w.now);
                var audit = new TournamentStore.Correction(pairing, previous, text, reset, reason, by.playerId(), w.now);
                return w.tx().addCorrection(id, audit)
                        .compose(v -> w.tx().gamesOf(id, List.of(pairing)))
                        .compose(own -> {
                            List<Future<?>> stop = new ArrayList<>();
                            for (TournamentMatch g : own) {
                                if (g.open()) {
                                    stop.add(w.tx().settle(g.gameId(), TournamentMatch.Outcome.RESET, w.now));
                                    w.toStop.add(g.gameId());
                                }
                            }
                            return Future.all(stop);
                        })
                        .compose(v -> {
                            Map<String, Object> u = w.update("result_corrected");
                            u.put("pairing_id", pairing.value());
                            u.put("previous", previous);
                            u.put("result", text);
                            u.put("reset", ended.stream().map(PairingId::value).toList());
                            return w.commit(after, List.of(transition), reset);
                        })
                        .map(v -> TournamentViews.pairing(after.pairing(pairing), List.of()));
            });
        });
    }

    private static void organiser(Tournament t, Principal by) {
        if (by.role() != Role.ADMIN && !by.playerId().equals(t.organiser())) {
            throw new ArenaException.Forbidden("only the organiser of the tournament or an admin may do this");
        }
    }

    /** Bracket refusals as the domain errors the edge maps. */
    static ArenaException domain(BracketException e) {
        return switch (e.reason()) {
            case UNKNOWN_PAIRING -> new ArenaException.NotFound(e.getMessage());
            case NOT_READY, ALREADY_DECIDED, NOT_DECIDED -> new ArenaException.Conflict(e.getMessage());
            case INVALID_RESULT, DRAW_NOT_ALLOWED -> new ArenaException.Invalid("result", e.getMessage());
            case INVALID_SEEDS, INVALID_FORMAT, INVALID_SNAPSHOT -> new ArenaException.Invalid("format", e.getMessage());
        };
    }
}
