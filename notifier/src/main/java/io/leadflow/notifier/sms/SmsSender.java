package io.leadflow.notifier.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.CircuitBreaker;
import io.leadflow.notifier.delivery.DeliveryStatus;
import io.leadflow.notifier.delivery.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Sends a text through the primary Twilio-compatible account, or through the secondary one (when
 * configured) while the primary's circuit is open or when it answers a transient failure that
 * proves it sent nothing (5xx, 429, no connection). A permanent failure (21211, 21610) is the
 * number's, not the provider's: it does not fail over; nor does a timeout, after which the primary
 * may have sent the text. Each account has its own circuit, so traffic returns to the primary after
 * one successful trial call.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    private final SmsProvider primary;
    private final Optional<SmsProvider> secondary;
    private final Optional<String> secondaryFrom;
    private final CircuitBreaker primaryCircuit;
    private final CircuitBreaker secondaryCircuit;
    private final MeterRegistry registry;
    private final Clock clock;

    public SmsSender(@RestClient TwilioClient client, NotifierConfig config, MeterRegistry registry, Clock clock,
            @ConfigProperty(name = "quarkus.rest-client.twilio.connect-timeout", defaultValue = "2000") long connectTimeoutMs,
            @ConfigProperty(name = "quarkus.rest-client.twilio.read-timeout", defaultValue = "10000") long readTimeoutMs) {
        NotifierConfig.Sms sms = config.sms();
        this.primary = new TwilioAccount(PRIMARY, client, sms.accountSid(), sms.authToken(), sms.statusCallbackBaseUrl(),
                clock);
        this.secondary = sms.secondary().map(account -> new TwilioAccount(SECONDARY,
                QuarkusRestClientBuilder.newBuilder()
                        .baseUri(URI.create(account.baseUrl()))
                        .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                        .property("microprofile.rest.client.disable.default.mapper", true)
                        .build(TwilioClient.class),
                account.accountSid(), account.authToken(), sms.statusCallbackBaseUrl(), clock));
        this.secondaryFrom = sms.secondary().flatMap(NotifierConfig.SecondaryAccount::fromNumber)
                .filter(number -> !number.isBlank());
        this.primaryCircuit = new CircuitBreaker(config.circuit().failureThreshold(), config.circuit().openFor());
        this.secondaryCircuit = new CircuitBreaker(config.circuit().failureThreshold(), config.circuit().openFor());
        this.registry = registry;
        this.clock = clock;
    }

    /** @param from the sending number (E.164), one of ours */
    public Outcome send(UUID touchId, String from, String to, String body) {
        if (secondary.isEmpty()) {
            return call(primary, touchId, from, to, body);
        }
        if (!primaryCircuit.tryAcquire(clock.instant())) {
            return viaSecondary(touchId, from, to, body)
                    .orElseGet(() -> Outcome.transientFailure(Outcome.CIRCUIT_OPEN, null, null, clock.instant()));
        }
        Outcome first = call(primary, touchId, from, to, body);
        record(primaryCircuit, first);
        if (!first.isTransient() || Outcome.PROVIDER_TIMEOUT.equals(first.reason())) {
            return first;
        }
        // the secondary failing too: the primary's answer (and its Retry-After) decides the retry
        return viaSecondary(touchId, from, to, body).filter(second -> !second.isTransient()).orElse(first);
    }

    private Optional<Outcome> viaSecondary(UUID touchId, String from, String to, String body) {
        if (!secondaryCircuit.tryAcquire(clock.instant())) {
            return Optional.empty();
        }
        LOG.infof("touch %s: SMS goes to the secondary provider", touchId);
        Outcome outcome = call(secondary.orElseThrow(), touchId, secondaryFrom.orElse(from), to, body);
        record(secondaryCircuit, outcome);
        return Optional.of(outcome);
    }

    private Outcome call(SmsProvider provider, UUID touchId, String from, String to, String body) {
        Outcome outcome = provider.send(touchId, from, to, body);
        Counter.builder("leadflow.sms.provider.calls")
                .description("Calls to each SMS provider account, by what it answered")
                .tag("provider", provider.name())
                .tag("result", outcome.status() == DeliveryStatus.ACCEPTED ? "accepted"
                        : outcome.isTransient() ? "transient" : "rejected")
                .register(registry)
                .increment();
        return outcome;
    }

    private void record(CircuitBreaker circuit, Outcome outcome) {
        Instant now = clock.instant();
        if (outcome.isTransient()) {
            circuit.onTransientFailure(now);
        } else {
            circuit.onAnswer();
        }
    }
}
