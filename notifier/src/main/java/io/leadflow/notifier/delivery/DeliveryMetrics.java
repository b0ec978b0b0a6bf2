package io.leadflow.notifier.delivery;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Channel;
import io.leadflow.notifier.NotifierConfig;
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

    /** {@code leadflow.touch.retries}: transient provider failures that scheduled a retry. */
    public void retryScheduled(Route.Transport transport, String reason) {
        Counter.builder("leadflow.touch.retries")
                .description("Transient provider failures that scheduled a retry in the delivery row")
                .tag("transport", transport.dbValue())
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** {@code leadflow.touches.in_doubt}: sends found still {@code sending} after the in-doubt time. */
    public void inDoubt(Channel channel, NotifierConfig.InDoubtPolicy policy) {
        Counter.builder("leadflow.touches.in_doubt")
                .description("Sends whose outcome was unknown, by channel and the policy applied")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("policy", policy.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
