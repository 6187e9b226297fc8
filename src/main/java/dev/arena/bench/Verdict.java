package dev.arena.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run passed: each check compares a count of bad events with its total against the allowed
 * percentage ({@code --max-error-pct}). The command exits with 1 when any check fails, listing all of them.
 */
final class Verdict {
    private final double maxPercent;
    private final List<String> failures = new ArrayList<>();

    Verdict(double maxPercent) {
        this.maxPercent = maxPercent;
    }

    /** Fails when {@code bad} exceeds {@code maxPercent} of {@code total}, or when there is no total at all. */
    Verdict check(String what, long bad, long total) {
        if (total <= 0) {
            if (bad > 0) {
                failures.add(String.format(Locale.ROOT, "%s: %d with nothing to compare against", what, bad));
            }
            return this;
        }
        double pct = 100.0 * bad / total;
        if (pct > maxPercent) {
            failures.add(String.format(Locale.ROOT, "%s: %d of %d (%.3f%%) above the allowed %.3f%%",
                    what, bad, total, pct, maxPercent));
        }
        return this;
    }

    /** Fails unconditionally: the run produced nothing to measure. */
    Verdict require(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
        return this;
    }

    boolean passed() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
