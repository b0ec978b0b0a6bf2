package io.leadflow.intake.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadflow.contracts.LeadReceived;
import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.consent.ConsentRecords;
import io.leadflow.intake.idempotency.IdempotencyStore;
import io.leadflow.intake.idempotency.IdempotencyStore.FirstAnswer;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.ratelimit.LeadLimits;

/**
 * The one way a lead gets in, whatever its format: a repeated request gets its first answer, then the limits,
 * normalization, the broker's ack, and only then the idempotency and consent records. Blocking: call it from a
 * worker thread.
 */
@ApplicationScoped
public class LeadAdmission {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int IDEMPOTENCY_KEY_MAX = 200;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    LeadLimits limits;

    @Inject
    LeadService leads;

    @Inject
    ConsentRecords consents;

    @Inject
    IntakeConfig config;

    /** The lead id and arrival time of an accepted lead, or of the first request with the same key. */
    public record Admitted(UUID leadId, Instant receivedAt, boolean repeated) {
    }

    public Admitted admit(LeadRequest request, Submission submission) {
        String key = submission.idempotencyKey();
        String sourceId = submission.source().id();
        if (key != null) {
            if (key.isBlank() || key.length() > IDEMPOTENCY_KEY_MAX) {
                throw new InvalidLeadException(List.of(
                        new FieldError(IDEMPOTENCY_KEY, "size must be between 1 and " + IDEMPOTENCY_KEY_MAX)));
            }
            FirstAnswer first = idempotency.find(sourceId, key, submission.receivedAt()).orElse(null);
            if (first != null) {
                if (!first.bodyHash().equals(submission.fingerprint())) {
                    throw new IdempotencyConflictException();
                }
                return new Admitted(first.leadId(), first.receivedAt(), true);
            }
        }
        LeadReceived lead = leads.toEvent(request, submission);
        LeadLimits.Taken taken = limits.take(submission.source(), submission.remoteIp(), lead);
        try {
            leads.publish(lead).await().indefinitely(); // bounded by the publisher's own timeout
        } catch (BrokerUnavailableException e) {
            taken.giveBack();
            throw e;
        }
        record(lead, submission);
        return new Admitted(lead.leadId(), lead.receivedAt(), false);
    }

    @Transactional
    void record(LeadReceived lead, Submission submission) {
        if (submission.idempotencyKey() != null) {
            idempotency.remember(lead.sourceId(), submission.idempotencyKey(),
                    new FirstAnswer(submission.fingerprint(), lead.leadId(), lead.receivedAt()),
                    lead.receivedAt().plus(config.idempotencyLifetime()));
        }
        consents.append(lead, lead.receivedAt());
    }
}
