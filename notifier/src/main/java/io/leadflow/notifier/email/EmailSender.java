package io.leadflow.notifier.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Outcome;
import io.leadflow.notifier.template.RenderedEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends one email over SMTP. {@code send} returns once the server answered 250 to DATA, which is
 * when the touch counts as accepted. It never throws for a provider failure.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final Pattern NAME_ADDR = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$");

    private final ReactiveMailer mailer;
    private final NotifierConfig config;
    private final Clock clock;
    private final Duration timeout;
    /**
     * Every send starts on this one event-loop context. Sends started from several sender threads
     * each got their own context, and about one in fifty then never got an SMTP connection from
     * the mail client's pool and hung until the timeout (ConcurrentEmailTest).
     */
    private final Context mailContext;

    public EmailSender(ReactiveMailer mailer, NotifierConfig config, Clock clock, Vertx vertx,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10s") Duration timeout) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.timeout = timeout;
        this.mailContext = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** Our own Message-ID, so a reply or a bounce can be tied back to the touch. */
    public static String messageId(UUID touchId) {
        return "<" + touchId + "@leadflow.local>";
    }

    /**
     * @param rep when known, the sender's display name becomes "{@code <rep> via <business>}"; replies
     *            go to the email's reply address, or to the rep when it has none (email to a rep)
     */
    public Outcome send(UUID touchId, String to, RenderedEmail email, TouchDue.RepSnapshot rep) {
        String messageId = messageId(touchId);
        Mail mail = new Mail()
                .addTo(to)
                .setFrom(from(rep))
                .setSubject(email.subject())
                .setText(email.text())
                .setHtml(email.html())
                .addHeader("Message-ID", messageId);
        if (email.unsubscribeUrl() != null) {
            // RFC 8058 one-click: the mailbox POSTs "List-Unsubscribe=One-Click" to the URL
            mail.addHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (email.replyTo() != null) {
            mail.setReplyTo(email.replyTo());
        } else if (rep != null && rep.email() != null && !rep.email().isBlank()) {
            mail.setReplyTo(rep.email().strip());
        }
        try {
            mailer.send(mail)
                    .runSubscriptionOn(start -> mailContext.runOnContext(unused -> start.run()))
                    .await().atMost(timeout);
            return Outcome.accepted("250", messageId, clock.instant());
        } catch (RuntimeException e) {
            return outcomeOf(touchId, e, clock.instant());
        }
    }

    /** SMTP 4xx → transient (try again later); 5xx → permanent; no SMTP answer at all → transient. */
    static Outcome outcomeOf(UUID touchId, RuntimeException error, Instant at) {
        SMTPException smtp = smtpCause(error);
        if (smtp == null) {
            LOG.warnf("touch %s: SMTP server unreachable: %s", touchId, error.getClass().getSimpleName());
            return Outcome.transientFailure(Outcome.PROVIDER_UNREACHABLE, null, null, at);
        }
        int code = smtp.getReplyCode();
        LOG.warnf("touch %s: SMTP server answered %d", touchId, code);
        if (code >= 400 && code < 500) {
            return Outcome.transientFailure(Outcome.PROVIDER_UNAVAILABLE, String.valueOf(code), null, at);
        }
        return Outcome.failed(Outcome.PROVIDER_REJECTED, String.valueOf(code), at);
    }

    String from(TouchDue.RepSnapshot rep) {
        String configured = config.email().from();
        Matcher matcher = NAME_ADDR.matcher(configured);
        String address = matcher.matches() ? matcher.group(2).strip() : configured.strip();
        String name = matcher.matches() ? matcher.group(1).strip() : "";
        if (rep != null && rep.name() != null && !rep.name().isBlank()) {
            name = rep.name().strip() + " via " + config.businessName();
        }
        return name.isEmpty() ? address : "\"" + name.replace("\\", "").replace("\"", "'") + "\" <" + address + ">";
    }

    private static SMTPException smtpCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
