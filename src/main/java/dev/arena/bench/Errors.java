package dev.arena.bench;

/** Short, bounded labels for failures, so reports group them instead of listing every message. */
final class Errors {
    private Errors() {}

    /** The HTTP status a failure carries (a refused upgrade or an unexpected answer), or -1. */
    static int status(Throwable e) {
        if (e instanceof io.vertx.core.http.UpgradeRejectedException u) {
            return u.getStatus();
        }
        return e instanceof HttpStatusException h ? h.status : -1;
    }

    static String reason(Throwable e) {
        if (e instanceof io.vertx.core.http.UpgradeRejectedException u) {
            return "HTTP " + u.getStatus();
        }
        String m = e.getMessage();
        if (e instanceof HttpStatusException || m != null && m.startsWith("HTTP ")) {
            return m;
        }
        String name = e.getClass().getSimpleName();
        if (m == null) {
            return name;
        }
        // connection errors carry addresses and ports: keep the message's first words only
        String head = m.length() > 60 ? m.substring(0, 60) : m;
        int colon = head.indexOf(':');
        return name + ": " + (colon > 0 ? head.substring(0, colon) : head);
    }
}
