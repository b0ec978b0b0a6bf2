package io.leadflow.intake.webhook;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.lead.LeadAdmission;
import io.leadflow.intake.lead.LeadRequest;
import io.leadflow.intake.lead.LeadValidation;
import io.leadflow.intake.lead.Submission;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceSettings;

/**
 * Admits a lead from an ad platform: the platform's own lead id is the idempotency key, so a redelivery gets the
 * first answer and publishes nothing; errors name the platform's fields.
 */
@ApplicationScoped
public class PlatformLeads {

    @Inject
    AuthenticatedSource current;

    @Inject
    LeadValidation validation;

    @Inject
    LeadAdmission admission;

    /**
     * @param platformLeadId e.g. {@code google:<lead_id>}; null when the sender names none (every delivery is a new lead)
     * @param fieldOf        the platform's name for each field of the lead format; others are {@code otherFields}
     */
    LeadAdmission.Admitted admit(SourceSettings source, Instant now, String platformLeadId, LeadRequest lead,
            Map<String, String> fieldOf, String otherFields) {
        current.set(source);
        validation.validate(lead, path -> fieldOf.getOrDefault(path, otherFields));
        // the platform's id alone says whether two deliveries are the same lead
        return admission.admit(lead, new Submission(source, now, platformLeadId, "platform-lead", null));
    }
}
