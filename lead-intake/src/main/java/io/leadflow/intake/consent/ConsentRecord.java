package io.leadflow.intake.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadflow.contracts.LeadReceived;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a lead agreed to, as evidence: appended once per accepted lead, never changed (active record). */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "source_id")
    public String sourceId;

    public boolean sms;

    public boolean email;

    @Column(name = "consent_text")
    public String consentText;

    @Column(name = "given_at")
    public Instant givenAt;

    public String ip;

    @Column(name = "page_url")
    public String pageUrl;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    static ConsentRecord of(LeadReceived lead, Instant recordedAt) {
        LeadReceived.Consent consent = lead.consent();
        ConsentRecord record = new ConsentRecord();
        record.leadId = lead.leadId();
        record.sourceId = lead.sourceId();
        record.sms = consent.sms();
        record.email = consent.email();
        record.consentText = consent.text();
        record.givenAt = consent.at();
        record.ip = consent.ip();
        record.pageUrl = consent.pageUrl();
        record.recordedAt = recordedAt;
        return record;
    }

    static List<ConsentRecord> ofLead(UUID leadId) {
        return list("leadId = ?1 order by id", leadId);
    }
}
