package dev.arena.bench;

/** A bench step answered with a status it did not expect; the status is kept so callers branch on it, not on text. */
final class HttpStatusException extends IllegalStateException {
    final int status;

    HttpStatusException(String step, int status) {
        super(step + ": HTTP " + status);
        this.status = status;
    }
}
