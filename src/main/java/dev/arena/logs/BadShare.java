package dev.arena.logs;

/**
 * When bad lines fail a job: when they are more than {@code share} of its non-blank lines. Judged at the end, and
 * early once {@link #EARLY_LINES} lines were read, so a file of garbage is not read to its end.
 */
public record BadShare(double share) {
    public static final long EARLY_LINES = 10_000;
    public static final BadShare DEFAULT = new BadShare(0.01);

    public BadShare {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share is between 0 and 1");
        }
    }

    /** True when {@code bad} out of {@code lines} is too many. */
    public boolean exceeded(long bad, long lines) {
        return bad > 0 && bad > share * lines;
    }

    public boolean exceededEarly(long bad, long lines) {
        return lines >= EARLY_LINES && exceeded(bad, lines);
    }
}
