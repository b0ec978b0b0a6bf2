package io.leadflow.notifier.health;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.leadflow.notifier.delivery.ProviderCircuits;
import io.leadflow.notifier.delivery.Route.Transport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether the SMS and email providers answer, as the circuit breakers see it (open: the last calls
 * failed in a row). Its own health group, {@code /q/health/group/providers}, and the gauge
 * {@code leadflow.provider.up{provider}}: never part of readiness, because a provider outage must not
 * take the notifier out of rotation, and with it the webhooks that carry STOPs and replies.
 */
@HealthGroup("providers")
@ApplicationScoped
public class ProviderHealth implements HealthCheck {

    private final ProviderCircuits circuits;
    private final Clock clock;

    public ProviderHealth(ProviderCircuits circuits, Clock clock) {
        this.circuits = circuits;
        this.clock = clock;
    }

    void registerGauges(@Observes StartupEvent start, MeterRegistry registry) {
        for (Transport transport : Transport.values()) {
            Gauge.builder("leadflow.provider.up", () -> up(transport) ? 1 : 0)
                    .description("1 while the provider answers, 0 while its circuit is open")
                    .tag("provider", transport.dbValue())
                    .register(registry);
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("providers").up();
        for (Transport transport : Transport.values()) {
            boolean up = up(transport);
            response.withData(transport.dbValue(), up ? "answering" : "circuit open");
            if (!up) {
                response.down();
            }
        }
        return response.build();
    }

    private boolean up(Transport transport) {
        return !circuits.isOpen(transport, clock.instant());
    }
}
