package io.leadflow.intake.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.LeadReceived.Consent;
import io.leadflow.contracts.LeadReceived.Contact;
import io.leadflow.contracts.LeadReceived.Interest;
import io.leadflow.contracts.LeadReceived.PostalCode;
import io.leadflow.intake.normalize.Emails;
import io.leadflow.intake.normalize.NormalizedPhone;
import io.leadflow.intake.normalize.PhoneNormalizer;
import io.leadflow.intake.normalize.PostalCodes;
import io.leadflow.intake.normalize.TimeZoneResolver;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.source.SourceSettings;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Turns a validated request into a normalized {@code LeadReceived}, and publishes it. */
@ApplicationScoped
public class LeadService {

    private final PhoneNormalizer phones;
    private final TimeZoneResolver timeZones;
    private final LeadPublisher publisher;
    private final LeadMetrics metrics;

    @Inject
    public LeadService(PhoneNormalizer phones, TimeZoneResolver timeZones, LeadPublisher publisher,
            LeadMetrics metrics) {
        this.phones = phones;
        this.timeZones = timeZones;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Completes with the published event once the broker has it. */
    public Uni<LeadReceived> publish(LeadReceived lead) {
        return publisher.publish(lead)
                .invoke(() -> {
                    metrics.received(lead.sourceId());
                    Log.infof("Lead %s accepted from source %s (time zone basis %s)%s",
                            lead.leadId(), lead.sourceId(), lead.timeZone().basis(),
                            phoneUnreadable(lead) ? "; its phone could not be read and is kept as given" : "");
                })
                .onFailure().invoke(failure -> Log.warnf("Lead %s from source %s not published: %s",
                        lead.leadId(), lead.sourceId(), rootCause(failure)))
                .replaceWith(lead);
    }

    LeadReceived toEvent(LeadRequest request, Submission submission) {
        SourceSettings source = submission.source();
        Optional<NormalizedPhone> phone = phones.normalize(request.phone(), source.defaultCountry());
        if (request.phone() != null && phone.isEmpty() && request.email() == null) {
            // validation let it through, so the source's country changed under us; a lead nobody can reach is never published
            throw new InvalidLeadException(List.of(new FieldError("phone", ContactRequired.Validator.UNREADABLE_PHONE)));
        }
        UUID leadId = LeadIds.forSubmission(source.id(), submission.idempotencyKey());
        Contact contact = new Contact(
                fullName(request),
                request.firstName(),
                request.lastName(),
                Emails.normalize(request.email()),
                phone.map(NormalizedPhone::e164).orElse(null),
                request.phone(),
                phone.isPresent());
        return new LeadReceived(
                leadId,
                source.id(),
                submission.receivedAt(),
                Boolean.TRUE.equals(request.test()),
                contact,
                timeZones.resolve(request.timeZone(), phone, source.defaultTimeZone()),
                request.message(),
                interest(request.interest()),
                nullIfEmpty(request.utm()),
                consent(request.consent(), submission),
                postalCode(request, source.defaultCountry()).orElse(null));
    }

    private static String fullName(LeadRequest request) {
        if (request.fullName() != null) {
            return request.fullName();
        }
        return request.lastName() == null ? request.firstName() : request.firstName() + " " + request.lastName();
    }

    /**
     * The postal code field, else a custom answer that is one (a form or platform asking "ZIP code" its own way):
     * such an answer is taken only when it reads as a postal code, so a malformed one never refuses the lead.
     */
    private static Optional<PostalCode> postalCode(LeadRequest request, String country) {
        if (request.postalCode() != null) {
            return PostalCodes.normalize(request.postalCode(), country);
        }
        return Optional.ofNullable(request.interest()).map(LeadRequest.InterestRequest::custom).stream()
                .flatMap(custom -> custom.entrySet().stream())
                .filter(answer -> PostalCodes.isAnswerName(answer.getKey()))
                .flatMap(answer -> PostalCodes.normalize(answer.getValue(), country).stream())
                .findFirst();
    }

    private static Interest interest(LeadRequest.InterestRequest interest) {
        if (interest == null) {
            return null;
        }
        return new Interest(interest.community(), interest.product(), interest.homeSize(), interest.budget(),
                interest.timeline(), interest.heardAbout(), nullIfEmpty(interest.custom()));
    }

    private static Consent consent(LeadRequest.ConsentRequest consent, Submission submission) {
        boolean sms = consent != null && Boolean.TRUE.equals(consent.sms());
        boolean email = consent != null && Boolean.TRUE.equals(consent.email());
        return new Consent(
                sms,
                email,
                consent == null ? null : consent.text(),
                sms || email ? submission.receivedAt() : null,
                submission.remoteIp(),
                consent == null ? null : consent.pageUrl());
    }

    private static Map<String, String> nullIfEmpty(Map<String, String> values) {
        return values == null || values.isEmpty() ? null : Map.copyOf(values);
    }

    private static boolean phoneUnreadable(LeadReceived lead) {
        return lead.contact().phoneRaw() != null && !lead.contact().phoneValid();
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
