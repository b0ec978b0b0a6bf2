package io.leadflow.cadence.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Inserts a new lead unless its id is known. A redelivered {@code leads.received} racing the first
 * delivery finds the row (or waits for the other insert) instead of failing on the primary key.
 */
@ApplicationScoped
class LeadInserts {

    private final EntityManager entityManager;

    LeadInserts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true when this call stored the lead, false when it was there already */
    boolean insertIfNew(Lead lead) {
        return entityManager.unwrap(Session.class).createNativeMutationQuery("""
                insert into lead (id, source_id, received_at, ingested_at, is_test, first_name, full_name, email,
                                  phone_e164, time_zone, time_zone_basis, message, interest_json, sms_consent,
                                  email_consent, postal_code, postal_country)
                values (:id, :sourceId, :receivedAt, :ingestedAt, :test, :firstName, :fullName, :email,
                        :phone, :timeZone, :timeZoneBasis, :message, :interestJson, :smsConsent, :emailConsent,
                        :postalCode, :postalCountry)
                on conflict (id) do nothing""")
                .setParameter("id", lead.id)
                .setParameter("sourceId", lead.sourceId)
                .setParameter("receivedAt", lead.receivedAt)
                .setParameter("ingestedAt", lead.ingestedAt)
                .setParameter("test", lead.test)
                .setParameter("firstName", lead.firstName, String.class)
                .setParameter("fullName", lead.fullName, String.class)
                .setParameter("email", lead.email, String.class)
                .setParameter("phone", lead.phoneE164, String.class)
                .setParameter("timeZone", lead.timeZone)
                .setParameter("timeZoneBasis", lead.timeZoneBasis)
                .setParameter("message", lead.message, String.class)
                .setParameter("interestJson", lead.interestJson, String.class)
                .setParameter("smsConsent", lead.smsConsent)
                .setParameter("emailConsent", lead.emailConsent)
                .setParameter("postalCode", lead.postalCode, String.class)
                .setParameter("postalCountry", lead.postalCountry, String.class)
                .executeUpdate() == 1;
    }
}
