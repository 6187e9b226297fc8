package dev.arena.gateway.ws;

/**
 * A frame the gateway refuses before it reaches any domain code. {@code abusive} errors count toward the
 * connection's abuse limit. Stackless: produced by bad input, which must stay cheap under a flood.
 */
final class ProtocolError extends RuntimeException {
    final String code;
    final Object rid;
    final boolean abusive;

    ProtocolError(String code, String message, Object rid, boolean abusive) {
        super(message, null, false, false);
        this.code = code;
        this.rid = rid;
        this.abusive = abusive;
    }

    static ProtocolError bad(Object rid, String message) {
        return new ProtocolError("bad_message", message, rid, true);
    }
}
