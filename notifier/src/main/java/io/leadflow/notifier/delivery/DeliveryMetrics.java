package io.leadflow.notifier.delivery;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code leadflow.touches}: one count per touch outcome, tagged by channel and result (both bounded enums). */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Channel channel, DeliveryStatus status) {
        Counter.builder("leadflow.touches")
                .description("Due touches by channel and what became of them")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("result", status.dbValue())
                .register(registry)
                .increment();
    }
}
