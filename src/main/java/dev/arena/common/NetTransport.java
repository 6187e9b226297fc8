package dev.arena.common;

import io.vertx.core.transport.Transport;
import java.util.Locale;

/**
 * Which Netty transport a Vert.x instance uses (the server's {@code ARENA_TRANSPORT}, the bench's
 * {@code --transport}). {@link #AUTO} picks the best one this machine can run; naming one forces it and
 * fails when it cannot run, so a benchmark or an operator never measures a silent fallback.
 */
public enum NetTransport {
    /**
     * epoll on Linux, else io_uring, else the JDK's NIO. io_uring was measured against epoll on many-rooms and
     * gained nothing beyond noise (docs/BENCHMARKS.md), so the better-trodden epoll stays first.
     */
    AUTO,
    IO_URING,
    EPOLL,
    NIO;

    /** The lower-case names accepted in configuration and on the command line. */
    public static final String NAMES = "auto, io_uring, epoll or nio";

    /** @throws IllegalArgumentException for a name not in {@link #NAMES} */
    public static NetTransport parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + NAMES);
        }
    }

    /**
     * The Vert.x transport to build with. Vert.x silently falls back to NIO when the transport it is given cannot
     * run, so availability is checked here.
     *
     * @throws IllegalStateException when a forced transport is unavailable here (with Netty's reason)
     */
    public Transport select() {
        return switch (this) {
            case AUTO -> firstAvailable(Transport.EPOLL, Transport.IO_URING);
            case IO_URING -> required(Transport.IO_URING);
            case EPOLL -> required(Transport.EPOLL);
            case NIO -> Transport.NIO;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Transport firstAvailable(Transport... candidates) {
        for (Transport t : candidates) {
            if (t != null && t.available()) {
                return t;
            }
        }
        return Transport.NIO;
    }

    private Transport required(Transport t) {
        if (t == null || !t.available()) {
            Throwable cause = t == null ? null : t.unavailabilityCause();
            throw new IllegalStateException("transport " + label() + " is not available on this machine"
                    + (cause == null ? "" : ": " + cause), cause);
        }
        return t;
    }
}
