package dev.arena.logs;

/**
 * Why a line was refused. Thrown by {@link LineParser} and caught by the reader, once per bad line: stackless,
 * because a file full of garbage must cost no more than a file of good lines.
 */
public final class BadLine extends Exception {
    public BadLine(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
