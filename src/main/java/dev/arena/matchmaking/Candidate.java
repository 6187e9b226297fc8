package dev.arena.matchmaking;

/**
 * A waiting ticket as seen by one {@link MatchingStep}: its rating and window frozen at the step's
 * {@code now}, so every comparison in the step agrees. Mutable only for the step's bookkeeping.
 */
final class Candidate {
    final Ticket ticket;
    final double rating;
    final double window;
    final int size;
    /** 0 for the oldest ticket of the mode in this step. */
    final int ageRank;
    /** Position in its {@link RatingIndex}, set by the index. */
    int position;
    RatingIndex index;
    boolean taken;

    Candidate(Ticket ticket, double window, int ageRank) {
        this.ticket = ticket;
        this.rating = ticket.rating();
        this.window = window;
        this.size = ticket.size();
        this.ageRank = ageRank;
    }

    /**
     * The symmetric rule: each rating lies inside the other's window, i.e. the distance is within the
     * smaller window. A newcomer is never pushed beyond the window it has earned by waiting, however
     * long its opponent has waited.
     */
    boolean compatibleWith(Candidate other) {
        return Math.abs(rating - other.rating) <= Math.min(window, other.window);
    }
}
