package dev.arena.config;

import java.time.Duration;

/**
 * Per-connection protection of the real-time sockets (defaults and keys in {@code ConfigLoader}).
 *
 * @param outboundQueue frames that may wait for a slow client; one more closes it with 4001
 * @param ratePerSecond sustained client messages per second (token bucket refill)
 * @param burst         token bucket capacity
 * @param maxMessageBytes frames above this get a {@code too_large} error
 * @param hardFrameBytes  frames above this are refused by the WebSocket layer (close 1009)
 * @param heartbeat      idle time after which the server pings
 * @param idleTimeout    silence after which the connection is closed with 4000
 * @param abuseLimit     abusive frames (bad JSON, unknown types, rate-limit hits, ...) per minute before close 1008
 * @param roomMaxMembers members one room may have on this node
 * @param roomInbox      events waiting for one room's owning context before new ones are dropped (and counted)
 * @param resumeBuffer   events kept per room for resume
 * @param resumeWindow   how long kept events stay resumable
 * @param sendBufferBytes kernel send buffer per socket, 0 for the OS default (autotuned): smaller bounds
 *                        memory per socket and detects a client that stopped reading sooner
 * @param warmup         how long the node drives synthetic sockets through a room before it reports ready
 *                       ({@code app.StartWarmup}); zero = no warm-up
 */
public record WsLimits(int outboundQueue, double ratePerSecond, int burst, int maxMessageBytes, int hardFrameBytes,
                       Duration heartbeat, Duration idleTimeout, int abuseLimit, int roomMaxMembers, int roomInbox,
                       int resumeBuffer, Duration resumeWindow, int sendBufferBytes,
                       Duration warmup) {
}
