package io.leadflow.cadence.inbox;

import java.time.Instant;
import java.util.List;

import io.leadflow.cadence.auth.SignedInRep;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The inbox's server-rendered pages ({@code templates/InboxPages/}); Qute escapes everything it inserts. */
@CheckedTemplate(basePath = "InboxPages")
final class InboxPages {

    private InboxPages() {
    }

    static native TemplateInstance signIn(String email, String error);

    static native TemplateInstance inbox(SignedInRep rep, List<LeadCard> cards, Instant now);

    /** One line of the inbox, as the live stream sends it. */
    static native TemplateInstance inbox$card(SignedInRep rep, LeadCard card, Instant now);

    static native TemplateInstance lead(SignedInRep rep, LeadView lead, Instant now);

    static native TemplateInstance today(SignedInRep rep, List<TodayItem> items);

    static native TemplateInstance message(String title, String text);
}
