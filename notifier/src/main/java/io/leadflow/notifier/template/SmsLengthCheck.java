package io.leadflow.notifier.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.sms.SenderIntroductions;
import io.leadflow.notifier.sms.SmsSegments;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, renders every SMS template with the longest values its data can hold (each field is
 * bounded by {@link TemplateData}) and refuses to start when one costs more than
 * {@code leadflow.notifier.sms.max-segments}: a text that grows past the limit is a template bug,
 * found before anyone is texted, not a surprise on the bill.
 */
@ApplicationScoped
public class SmsLengthCheck {

    private final TouchTemplates templates;
    private final NotifierConfig config;

    public SmsLengthCheck(TouchTemplates templates, NotifierConfig config) {
        this.templates = templates;
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        List<String> tooLong = overLimit(templates, config.sms().templates(), config.sms().repTemplates(),
                config.sms().maxSegments(), config.businessName(), config.postalAddress());
        if (!tooLong.isEmpty()) {
            throw new IllegalStateException("SMS templates over " + config.sms().maxSegments() + " segments: " + tooLong);
        }
    }

    /**
     * The templates whose longest rendering costs more than {@code maxSegments}, with their segment
     * count; a template to leads as the first text from a number, with the introduction it may add.
     */
    static List<String> overLimit(TouchTemplates templates, List<String> names, List<String> repTemplates,
            int maxSegments, String businessName, String postalAddress) {
        List<String> tooLong = new ArrayList<>();
        for (String name : names) {
            String rendered = templates.renderSms(name, TemplateData.of(longest(name), businessName, postalAddress));
            String sms = repTemplates.contains(name) ? rendered
                    : SenderIntroductions.withIntroduction(rendered, businessName);
            int segments = SmsSegments.count(sms);
            if (segments > maxSegments) {
                tooLong.add(name + " (" + segments + ")");
            }
        }
        return tooLong;
    }

    /** Every field longer than its bound, so each is cut to the most it can be. */
    static TouchDue longest(String template) {
        String word = "Wwwwwwwwwwwwww";
        String phrase = String.join(" ", word, word, word, word, word, word, word, word, word, word);
        var interest = new LeadReceived.Interest(phrase, phrase, phrase, phrase, phrase, phrase, null);
        var lead = new TouchDue.LeadSnapshot(phrase, phrase, phrase, "wwwwwwwwwwwwwwwwwwww@example.com", "+14155550123",
                "America/Los_Angeles", phrase, interest, false);
        var rep = new TouchDue.RepSnapshot(UUID.randomUUID(), phrase, "wwwwwwwwwwwwwww@example.com", "+14155550199");
        return new TouchDue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, Channel.SMS, template, phrase,
                Instant.EPOCH, null, true, Audience.LEAD, lead, rep, null);
    }
}
