package dev.arena.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

class NetTransportTest {

    @Test
    void namesAreReadInAnyCase() {
        assertThat(NetTransport.parse(" IO_URING ")).isEqualTo(NetTransport.IO_URING);
        assertThat(NetTransport.parse("epoll")).isEqualTo(NetTransport.EPOLL);
        assertThat(NetTransport.parse("Nio")).isEqualTo(NetTransport.NIO);
        assertThat(NetTransport.parse("auto")).isEqualTo(NetTransport.AUTO);
        assertThat(NetTransport.IO_URING.label()).isEqualTo("io_uring");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> NetTransport.parse("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of auto, io_uring, epoll or nio");
    }

    @Test
    void nioIsAlwaysThere() {
        assertThat(NetTransport.NIO.select()).isSameAs(Transport.NIO);
    }

    @Test
    void autoTakesEpollFirstThenIoUringThenNio() {
        Transport expected = Transport.EPOLL != null && Transport.EPOLL.available() ? Transport.EPOLL
                : Transport.IO_URING != null && Transport.IO_URING.available() ? Transport.IO_URING : Transport.NIO;
        assertThat(NetTransport.AUTO.select()).isSameAs(expected);
        assertThat(NetTransport.AUTO.select().available()).isTrue();
    }

    @Test
    void aForcedTransportIsThatTransportOrAClearFailure() {
        for (NetTransport forced : new NetTransport[] {NetTransport.IO_URING, NetTransport.EPOLL}) {
            Transport vertx = forced == NetTransport.IO_URING ? Transport.IO_URING : Transport.EPOLL;
            if (vertx != null && vertx.available()) {
                assertThat(forced.select()).isSameAs(vertx);
            } else {
                assertThatThrownBy(forced::select).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("transport " + forced.label() + " is not available on this machine");
            }
        }
    }
}
