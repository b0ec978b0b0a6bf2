package io.leadflow.cadence.inbox;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.leadflow.cadence.auth.RepSessions;
import io.leadflow.cadence.auth.SignedInRep;

/** Every inbox page needs a session; every inbox POST also needs the session's CSRF token. */
@ApplicationScoped
public class SignedInGuard {

    private final RepSessions sessions;

    SignedInGuard(RepSessions sessions) {
        this.sessions = sessions;
    }

    /** A page: signed out (or expired), the browser goes to the sign-in form. */
    Response page(String session, Function<SignedInRep, Response> page) {
        return sessions.find(session).map(page).orElseGet(() -> Response.seeOther(SignInResource.SIGN_IN).build());
    }

    /** A form's POST: refused without the session's CSRF token, whatever else it carries. */
    Response post(String session, String csrf, Function<SignedInRep, Response> action) {
        return page(session, rep -> rep.csrfMatches(csrf) ? action.apply(rep)
                : Response.status(Response.Status.FORBIDDEN)
                        .entity(InboxPages.message("Form expired", "This form is out of date. Go back, reload the page and try again.")
                                .render())
                        .build());
    }
}
