package io.leadflow.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.sms.SmsSegments;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

/** Every template the engine names (playbook steps, escalations, commitments) renders, fully, within its channel's limits. */
class TouchTemplatesTest {

    static final List<String> SMS_TEMPLATES = List.of("new-lead-alert", "first-text", "call-now", "second-call",
            "check-in-call", "same-day-text", "helpful-text", "two-week-text",
            "escalation-alert", "commitment-reminder", "commitment-breached", "commitment-call-task", "commitment-sms", "voicemail-script", "missed-call-text", "came-back-alert");
    static final List<String> REP_SMS_TEMPLATES = List.of("new-lead-alert", "call-now", "second-call",
            "check-in-call", "escalation-alert", "commitment-reminder", "commitment-breached", "commitment-call-task",
            "voicemail-script", "came-back-alert");
    static final List<String> EMAIL_TEMPLATES = List.of("new-lead-alert", "first-email", "questions-since-email",
            "week-one-email", "three-week-email", "closing-loop-email", "call-now", "second-call", "check-in-call",
            "escalation-alert", "commitment-reminder", "commitment-breached", "commitment-call-task", "commitment-email", "voicemail-script", "came-back-alert");

    // the same rules as the Quarkus engine: strict rendering, HTML escaped in .html templates
    static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .strictRendering(true)
            .removeStandaloneLines(true)
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addLocator(TouchTemplatesTest::locate)
            .build();

    final TouchTemplates templates = new TouchTemplates(ENGINE);

    @ParameterizedTest
    @ValueSource(strings = { "new-lead-alert", "first-text", "call-now", "second-call", "check-in-call",
            "same-day-text", "helpful-text", "two-week-text",
            "escalation-alert", "commitment-reminder", "commitment-breached", "commitment-call-task", "commitment-sms", "voicemail-script", "missed-call-text", "came-back-alert" })
    void shouldRenderEverySmsTemplateCompletelyWithinTwoSegments(String template) {
        for (TouchDue touch : List.of(longestTouch(template), sparseTouch(template))) {
            String sms = templates.renderSms(template, data(touch));

            assertThat(sms).isNotBlank().doesNotContain("{", "}", "NOT_FOUND", "null", "  ");
            assertThat(SmsSegments.isGsm7(sms)).as("GSM-7 only: %s", sms).isTrue();
            assertThat(SmsSegments.count(sms)).as("segments of: %s", sms).isLessThanOrEqualTo(2);
            assertThat(sms.chars().filter(c -> c == '?').count()).as("one question: %s", sms).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "new-lead-alert", "first-email", "questions-since-email", "week-one-email",
            "three-week-email", "closing-loop-email", "call-now", "second-call", "check-in-call",
            "escalation-alert", "commitment-reminder", "commitment-breached", "commitment-call-task", "commitment-email", "voicemail-script", "came-back-alert" })
    void shouldRenderEveryEmailTemplateWithSubjectHtmlTextAndFooter(String template) {
        for (TouchDue touch : List.of(longestTouch(template), sparseTouch(template))) {
            RenderedEmail email = templates.renderEmail(template, data(touch));

            assertThat(email.subject()).isNotBlank().doesNotContain("{", "NOT_FOUND", "null");
            assertThat(email.html()).contains("<html", "Oak Ridge Homes", "100 Main Street")
                    .doesNotContain("{", "NOT_FOUND", "null");
            assertThat(email.text()).contains("Oak Ridge Homes", "100 Main Street")
                    .doesNotContain("{", "NOT_FOUND", "null", "<p>");
        }
    }

    @Test
    void shouldFindEveryDefaultSmsTemplateWithinTwoSegmentsAtItsLongestAndFlagOneThatIsNot() {
        assertThat(SmsLengthCheck.overLimit(templates, SMS_TEMPLATES, REP_SMS_TEMPLATES, 2, "Oak Ridge Homes",
                "100 Main Street, Springfield, IL 62701")).isEmpty();
        assertThat(SmsLengthCheck.overLimit(templates, List.of("first-text", "new-lead-alert"), REP_SMS_TEMPLATES, 1,
                "Oak Ridge Homes",
                "100 Main Street, Springfield, IL 62701")).hasSize(2).first().asString().startsWith("first-text (2)");
    }

    @Test
    void shouldMakeTheFirstTextPersonalNameTheBusinessAndEndWithTheOptOut() {
        String sms = templates.renderSms("first-text", data(longestTouch("first-text")));

        assertThat(sms).startsWith("Hi Maria, it's Dana with Oak Ridge Homes.")
                .contains("3-bedroom home in Oak Ridge", "(415) 555-0199", "What made you reach out today?")
                .endsWith("Reply STOP to opt out");
    }

    @Test
    void shouldEchoTheLeadsOwnWordsInTheFirstEmailAndAskOneQuestion() {
        RenderedEmail email = templates.renderEmail("first-email", data(longestTouch("first-email")));

        assertThat(email.subject()).isEqualTo("Maria, about a 3-bedroom home in Oak Ridge");
        assertThat(email.text()).contains("Hi Maria,", "relocating in June", "Dana Whitfield", "(415) 555-0199")
                .doesNotContainIgnoringCase("just checking in");
        assertThat(email.text().chars().filter(c -> c == '?').count()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheRepTheLeadsContactDetailsInTheAlert() {
        RenderedEmail email = templates.renderEmail("new-lead-alert", data(longestTouch("new-lead-alert")));
        String sms = templates.renderSms("new-lead-alert", data(longestTouch("new-lead-alert")));

        assertThat(email.subject()).contains("Maria Lopez", "60 s");
        assertThat(email.html()).contains("tel:+14155550123", "maria@example.com");
        assertThat(sms).contains("Maria Lopez", "(415) 555-0123", "60 s");
    }

    @Test
    void shouldEscapeWhatTheLeadTypedInHtml() {
        TouchDue touch = withMessage(longestTouch("first-email"), "<script>alert(1)</script> & more");

        RenderedEmail email = templates.renderEmail("first-email", data(touch));

        assertThat(email.html()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void shouldFailWithTemplateMissingForAChannelTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> templates.renderSms("first-email", data(longestTouch("first-email"))))
                .isInstanceOf(TemplateMissingException.class);
        assertThatThrownBy(() -> templates.renderSms("../../application", Map.of()))
                .isInstanceOf(TemplateMissingException.class);
    }

    static Map<String, String> data(TouchDue touch) {
        return TemplateData.of(touch, "Oak Ridge Homes", "100 Main Street, Springfield, IL 62701");
    }

    /** A lead who filled in every field, with long values, and a rep with a phone. */
    static TouchDue longestTouch(String template) {
        var interest = new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k", "June", null, null);
        var lead = new TouchDue.LeadSnapshot("oak-ridge-website", "Maria", "Maria Lopez-Fernandez de la Vega",
                "maria@example.com", "+14155550123", "America/Los_Angeles",
                "We are relocating in June and want a 3-bedroom near good schools, ideally with a big backyard "
                        + "for the dog and a short commute downtown. We can visit on weekends.",
                interest, false);
        var rep = new TouchDue.RepSnapshot(UUID.randomUUID(), "Dana Whitfield", "dana@oakridgehomes.example",
                "+14155550199");
        return new TouchDue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, Channel.SMS, template,
                "Answer them within a minute, while they are still thinking about it", Instant.now(), null, true,
                Audience.LEAD, lead, rep, null);
    }

    /** A lead who left only a name and an email, with no rep assigned yet. */
    static TouchDue sparseTouch(String template) {
        var lead = new TouchDue.LeadSnapshot(null, null, "Sam", "sam@example.com", null, null, null, null, false);
        return new TouchDue(UUID.randomUUID(), UUID.randomUUID(), null, 0, Channel.EMAIL, template, null,
                Instant.now(), null, false, Audience.LEAD, lead, null, null);
    }

    static TouchDue withMessage(TouchDue t, String message) {
        var l = t.lead();
        var lead = new TouchDue.LeadSnapshot(l.sourceId(), l.firstName(), l.fullName(), l.email(), l.phoneE164(),
                l.timeZone(), message, l.interest(), l.test());
        return new TouchDue(t.touchId(), t.leadId(), t.cadenceId(), t.step(), t.channel(), t.template(), t.reason(),
                t.dueAt(), t.window(), t.firstTouch(), t.audience(), lead, t.rep(), t.links());
    }

    static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        InputStream stream = TouchTemplatesTest.class.getClassLoader().getResourceAsStream("templates/" + id);
        if (stream == null) {
            return Optional.empty();
        }
        Variant variant = Variant.forContentType(id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(stream, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
