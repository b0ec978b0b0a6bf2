package io.leadflow.cadence.inbox;

import io.leadflow.cadence.auth.SignedInRep;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The inbox's server-rendered pages ({@code templates/InboxPages/}); Qute escapes everything it inserts. */
@CheckedTemplate(basePath = "InboxPages")
final class InboxPages {

    private InboxPages() {
    }

    static native TemplateInstance signIn(String email, String error);

    static native TemplateInstance inbox(SignedInRep rep);

    static native TemplateInstance message(String title, String text);
}
