package io.leadflow.intake.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.contracts.LeadReceived;

/** The append-only consent log. */
@ApplicationScoped
public class ConsentRecords {

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(LeadReceived lead, Instant recordedAt) {
        ConsentRecord.of(lead, recordedAt).persist();
    }

    @Transactional
    public List<ConsentView> ofLead(UUID leadId) {
        return ConsentRecord.ofLead(leadId).stream().map(ConsentView::of).toList();
    }

    /** One consent record as the export shows it. */
    public record ConsentView(UUID leadId, String sourceId, boolean sms, boolean email, String text, Instant at,
            String ip, String pageUrl, Instant recordedAt) {

        static ConsentView of(ConsentRecord record) {
            return new ConsentView(record.leadId, record.sourceId, record.sms, record.email, record.consentText,
                    record.givenAt, record.ip, record.pageUrl, record.recordedAt);
        }
    }
}
