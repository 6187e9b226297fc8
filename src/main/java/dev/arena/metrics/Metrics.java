package dev.arena.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.VertxBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;

/**
 * One Prometheus registry per node. Vert.x reports HTTP server timings (labelled by route, method and
 * status, never by raw path, so the series count stays bounded), pool usage and JVM meters into it;
 * feature code adds its own meters through {@link #registry()}.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

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
        return builder.build();
    }

    public void close() {
        registry.close();
    }
}
