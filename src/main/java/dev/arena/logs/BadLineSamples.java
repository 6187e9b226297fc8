package dev.arena.logs;

import java.util.ArrayList;
import java.util.List;

/** The first {@link #KEPT} bad lines of a job, with their line numbers and reasons; later ones are only counted. */
public final class BadLineSamples {
    public static final int KEPT = 1000;

    /** One kept bad line. */
    public record Sample(long line, String reason) {}

    private final List<Sample> samples = new ArrayList<>();
    private long alreadyKept;

    /** {@code alreadyKept}: samples an earlier part of the same job kept (a resume). */
    public BadLineSamples(long alreadyKept) {
        this.alreadyKept = alreadyKept;
    }

    /** Keeps the line if the job has kept fewer than {@link #KEPT}. */
    public void add(long line, String reason) {
        if (alreadyKept + samples.size() < KEPT) {
            samples.add(new Sample(line, reason));
        }
    }

    /** The samples since the last {@link #drain()}, which then count as kept. */
    public List<Sample> drain() {
        List<Sample> out = List.copyOf(samples);
        alreadyKept += samples.size();
        samples.clear();
        return out;
    }
}
