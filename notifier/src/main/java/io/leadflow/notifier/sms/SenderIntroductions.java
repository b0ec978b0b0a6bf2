package io.leadflow.notifier.sms;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The first text from a sending number to a contact names the business and says how to opt out,
 * whatever template it is (a lead's first text may have been skipped, or a returning lead may be
 * texted from another number). Which (number, contact) pairs were introduced is kept in
 * {@code sender_contact}, under the contact's address hash.
 */
@ApplicationScoped
public class SenderIntroductions {

    static final String OPT_OUT_LINE = "Reply STOP to opt out";
    private static final Pattern SAYS_OPT_OUT = Pattern.compile("(?i)\\bSTOP\\b.{0,20}\\bopt[ -]?out");

    private final EntityManager em;

    public SenderIntroductions(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public boolean introduced(String fromNumber, String addressHash) {
        return !em.createNativeQuery("""
                SELECT 1 FROM notifier.sender_contact WHERE from_number = :number AND address_hash = :hash""")
                .setParameter("number", fromNumber).setParameter("hash", addressHash).getResultList().isEmpty();
    }

    /** Called once the provider accepted a text that carried the introduction. */
    @Transactional
    public void remember(String fromNumber, String addressHash, Instant now) {
        em.createNativeQuery("""
                INSERT INTO notifier.sender_contact (from_number, address_hash, first_sent_at)
                VALUES (:number, :hash, :now) ON CONFLICT DO NOTHING""")
                .setParameter("number", fromNumber).setParameter("hash", addressHash).setParameter("now", now)
                .executeUpdate();
    }

    /** Whether the text names the business and says how to opt out. */
    public static boolean introduces(String body, String businessName) {
        return body.contains(businessName) && SAYS_OPT_OUT.matcher(body).find();
    }

    /** The text with what it lacks of the introduction added at its end. */
    public static String withIntroduction(String body, String businessName) {
        boolean named = body.contains(businessName);
        boolean optOut = SAYS_OPT_OUT.matcher(body).find();
        if (named && optOut) {
            return body;
        }
        if (optOut) {
            return body + " - " + businessName;
        }
        return body + (named ? " " : " " + businessName + ": ") + OPT_OUT_LINE;
    }
}
