package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pairing of a bracket as plain data: a stable id, its round and table (1 = top board), its two slots
 * and its state. Everything a service needs to persist or show it.
 */
public record Pairing(PairingId id, Round round, int table, Slot home, Slot away, PairingState state) {

    public Pairing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(away, "away");
        Objects.requireNonNull(state, "state");
        if (table < 1) {
            throw new IllegalArgumentException("table must be >= 1, got " + table);
        }
    }

    Pairing withState(PairingState newState) {
        return new Pairing(id, round, table, home, away, newState);
    }

    public Optional<PlayerId> homePlayer() {
        return home.occupant();
    }

    public Optional<PlayerId> awayPlayer() {
        return away.occupant();
    }

    /** The players known to sit in this pairing (0, 1 or 2). */
    public List<PlayerId> players() {
        List<PlayerId> players = new ArrayList<>(2);
        home.occupant().ifPresent(players::add);
        away.occupant().ifPresent(players::add);
        return players;
    }

    public boolean involves(PlayerId player) {
        return player.equals(home.occupant().orElse(null)) || player.equals(away.occupant().orElse(null));
    }

    public boolean isDecided() {
        return state instanceof PairingState.Decided;
    }

    public Optional<Outcome> outcome() {
        return state instanceof PairingState.Decided d ? Optional.of(d.outcome()) : Optional.empty();
    }

    public Optional<Result> result() {
        return state instanceof PairingState.Decided d ? Optional.of(d.result()) : Optional.empty();
    }

    /** The winner of a decided pairing with a winner, or the only player of a bye. */
    public Optional<PlayerId> winner() {
        return switch (state) {
            case PairingState.Bye b -> home.occupant().or(away::occupant);
            case PairingState.Decided d -> switch (d.outcome()) {
                case HOME_WIN -> home.occupant();
                case AWAY_WIN -> away.occupant();
                case DRAW -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    /** The loser of a decided pairing with a winner. */
    public Optional<PlayerId> loser() {
        if (!(state instanceof PairingState.Decided d)) {
            return Optional.empty();
        }
        return switch (d.outcome()) {
            case HOME_WIN -> away.occupant();
            case AWAY_WIN -> home.occupant();
            case DRAW -> Optional.empty();
        };
    }
}
