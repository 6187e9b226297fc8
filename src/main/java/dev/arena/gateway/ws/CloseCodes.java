package dev.arena.gateway.ws;

/** WebSocket close codes the gateway uses; docs/PROTOCOL.md lists them for clients. */
final class CloseCodes {
    static final short NORMAL = 1000;
    static final short GOING_AWAY = 1001;
    /** Text that is not UTF-8 (RFC 6455 §8.1). */
    static final short INVALID_PAYLOAD = 1007;
    static final short POLICY_VIOLATION = 1008;
    /** A frame or message above ARENA_WS_HARD_FRAME (compressed ones measured inflated). */
    static final short MESSAGE_TOO_BIG = 1009;
    static final short INTERNAL_ERROR = 1011;
    static final short HEARTBEAT_TIMEOUT = 4000;
    static final short SLOW_CONSUMER = 4001;
    static final short SESSION_ENDED = 4002;

    private CloseCodes() {}
}
