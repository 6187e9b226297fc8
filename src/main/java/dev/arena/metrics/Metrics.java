package dev.arena.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.VertxBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.time.Duration;

/**
 * One Prometheus registry per node. Vert.x reports HTTP server timings (labelled by route, method and
 * status, never by raw path, so the series count stays bounded), pool usage and JVM meters into it;
 * feature code adds its own meters through {@link #registry()}. Every event loop's delay is measured from the
 * start ({@link EventLoopDelay}), and the collector's pauses ({@code jvm_gc_pause_seconds}) get buckets at the same
 * bounds, so that the stalls between two scrapes can be counted.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        // before Vert.x binds the JVM meters: a filter shapes only the meters registered after it
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("jvm.gc.pause")
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(
                                nanos(EventLoopDelay.BUCKETS)).build().merge(config)
                        : config;
            }
        });
    }

    private static double[] nanos(Duration[] bounds) {
        double[] out = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            out[i] = bounds[i].toNanos();
        }
        return out;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** A Vert.x instance that reports into this registry and runs on the given network transport. */
    public Vertx newVertx(VertxOptions options, Transport transport) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME);
        VertxBuilder builder = Vertx.builder()
                .with(options.setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .withTransport(transport);
        Vertx vertx = builder.build();
        EventLoopDelay.watch(((VertxInternal) vertx).eventLoopGroup(), registry);
        return vertx;
    }

    public void close() {
        registry.close();
    }
}
