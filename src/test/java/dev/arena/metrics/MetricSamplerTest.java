package dev.arena.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.testing.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rates and percentiles of one node's sample, judged by an injected clock. */
class MetricSamplerTest {
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<NodeSources.LiveMatch> matches = new ArrayList<>();
    private final MetricSampler sampler = new MetricSampler("n1", "1.0", registry, new NodeSources() {
        @Override
        public Collection<LiveMatch> matches() {
            return List.copyOf(matches);
        }

        @Override
        public List<String> leases() {
            return List.of("arena_battle");
        }

        @Override
        public Future<NodeSample.Work> sharedWork() {
            return Future.succeededFuture(new NodeSample.Work(0, 0, 0));
        }
    }, clock);

    @Test
    void countersBecomeRatesPerSecondOfTheInjectedClock() {
        Counter in = Counter.builder("arena.ws.messages.in").tag("type", "chat.send").register(registry);
        Counter in2 = Counter.builder("arena.ws.messages.in").tag("type", "room.send").register(registry);
        sampler.sample();
        in.increment(30);
        in2.increment(10);
        clock.advance(Duration.ofSeconds(2));
        NodeSample s = sampler.sample();
        assertThat(s.realtime().messagesInPerSecond()).isEqualTo(20.0); // 40 over two seconds of the clock
        // a second with no traffic reads zero, not the previous rate
        clock.advance(Duration.ofSeconds(1));
        assertThat(sampler.sample().realtime().messagesInPerSecond()).isZero();
    }

    @Test
    void aClockThatDidNotMoveKeepsThePreviousRateInsteadOfDividingByZero() {
        Counter out = Counter.builder("arena.ws.messages.out").register(registry);
        sampler.sample();
        out.increment(5);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sampler.sample().realtime().messagesOutPerSecond()).isEqualTo(5.0);
        out.increment(100);
        assertThat(sampler.sample().realtime().messagesOutPerSecond()).isEqualTo(5.0);
    }

    @Test
    void perMinuteCountsTheLastMinuteOnly() {
        Counter ended = Counter.builder("arena.matches.ended").tag("outcome", "winner").register(registry);
        sampler.sample();
        for (int i = 0; i < 120; i++) {
            clock.advance(Duration.ofSeconds(1));
            ended.increment(i < 60 ? 2 : 1); // two a second for a minute, then one a second
            sampler.sample();
        }
        assertThat(sampler.sample().matches().endedPerMinute()).isCloseTo(60.0, within(1.5));
    }

    @Test
    void matchesNewSinceTheLastSampleCountAsStartedAndAreGroupedByMode() {
        sampler.sample();
        matches.add(new NodeSources.LiveMatch("a", "arena_battle", true));
        matches.add(new NodeSources.LiveMatch("b", "connect_four", true));
        matches.add(new NodeSources.LiveMatch("c", "connect_four", false));
        clock.advance(Duration.ofSeconds(1));
        NodeSample s = sampler.sample();
        assertThat(s.matches().runningByMode()).containsEntry("arena_battle", 1).containsEntry("connect_four", 1);
        assertThat(s.matches().waiting()).isEqualTo(1);
        assertThat(s.matches().startedPerMinute()).isEqualTo(3.0);
        assertThat(s.node().matches()).isEqualTo(3);
        assertThat(s.node().leases()).containsExactly("arena_battle");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sampler.sample().matches().startedPerMinute()).as("the same matches again").isEqualTo(3.0);
    }

    @Test
    void percentilesComeFromTheTimersInMilliseconds() {
        Timer latency = Timer.builder("arena.room.delivery.latency").publishPercentiles(0.5, 0.99).register(registry);
        for (int i = 1; i <= 100; i++) {
            latency.record(Duration.ofMillis(i));
        }
        clock.advance(Duration.ofSeconds(1));
        NodeSample s = sampler.sample();
        assertThat(s.realtime().deliveryP50Ms()).isCloseTo(50, within(3.0));
        assertThat(s.realtime().deliveryP99Ms()).isCloseTo(99, within(4.0));
    }

    @Test
    void gaugesAreReadAsTheyAreAndHttpErrorsAreAShareOfRequests() {
        AtomicInteger sockets = new AtomicInteger(7);
        Gauge.builder("arena.ws.connections", sockets, AtomicInteger::get).register(registry);
        Counter ok = Counter.builder("vertx.http.server.requests").tag("code", "200").register(registry);
        Counter failed = Counter.builder("vertx.http.server.requests").tag("code", "503").register(registry);
        sampler.sample();
        ok.increment(90);
        failed.increment(10);
        clock.advance(Duration.ofSeconds(1));
        NodeSample s = sampler.sample();
        assertThat(s.realtime().sockets()).isEqualTo(7);
        assertThat(s.node().sockets()).isEqualTo(7);
        assertThat(s.http().requestsPerSecond()).isEqualTo(100.0);
        assertThat(s.http().errorRate()).isCloseTo(0.1, within(1e-9));
    }
}
