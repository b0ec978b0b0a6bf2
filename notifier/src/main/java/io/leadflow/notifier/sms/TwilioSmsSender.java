package io.leadflow.notifier.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Outcome;

/** Sends one SMS and turns Twilio's answer into an {@link Outcome}; it never throws for a provider failure. */
@ApplicationScoped
public class TwilioSmsSender {

    private static final Logger LOG = Logger.getLogger(TwilioSmsSender.class);

    private final TwilioClient client;
    private final NotifierConfig.Sms config;
    private final Clock clock;

    public TwilioSmsSender(@RestClient TwilioClient client, NotifierConfig config, Clock clock) {
        this.client = client;
        this.config = config.sms();
        this.clock = clock;
    }

    /** @param from the sending number (E.164), one of ours */
    public Outcome send(UUID touchId, String from, String to, String body) {
        if (SmsSegments.count(body) > 2) {
            LOG.warnf("touch %s: SMS body is %d segments", touchId, SmsSegments.count(body));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("To", to);
        form.add("From", from);
        form.add("Body", body);
        config.statusCallbackBaseUrl()
                .filter(base -> !base.isBlank())
                .ifPresent(base -> form.add("StatusCallback", stripSlash(base) + "/webhooks/twilio/status/" + touchId));
        try (Response response = client.createMessage(config.accountSid(), basicAuth(), form)) {
            return outcomeOf(touchId, response, clock.instant());
        } catch (ProcessingException e) {
            // a timeout or a refused connection: the provider may come back, so it is worth a retry
            LOG.warnf("touch %s: SMS provider unreachable: %s", touchId, e.getClass().getSimpleName());
            return Outcome.transientFailure(Outcome.PROVIDER_UNREACHABLE, null, null, clock.instant());
        }
    }

    /**
     * 2xx → accepted; 429 and 5xx → transient (429 honours {@code Retry-After}); any other error
     * (21211 invalid number, 21610 unsubscribed, 20003 credentials…) → permanent, never retried.
     */
    static Outcome outcomeOf(UUID touchId, Response response, Instant answeredAt) {
        int status = response.getStatus();
        if (status == 201 || status == 200) {
            TwilioClient.TwilioMessage message = response.readEntity(TwilioClient.TwilioMessage.class);
            return Outcome.accepted(String.valueOf(status), message.sid(), answeredAt);
        }
        String code = errorCode(response);
        LOG.warnf("touch %s: SMS provider answered %d, code %s", touchId, status, code);
        if (status == 429) {
            return Outcome.transientFailure(Outcome.PROVIDER_RATE_LIMITED, code,
                    RetryAfter.parse(response.getHeaderString("Retry-After"), answeredAt), answeredAt);
        }
        if (status >= 500) {
            return Outcome.transientFailure(Outcome.PROVIDER_UNAVAILABLE, code, null, answeredAt);
        }
        return Outcome.failed(Outcome.PROVIDER_REJECTED, code, answeredAt);
    }

    private static String errorCode(Response response) {
        try {
            TwilioClient.TwilioError error = response.readEntity(TwilioClient.TwilioError.class);
            if (error != null && error.code() != null) {
                return String.valueOf(error.code());
            }
        } catch (RuntimeException notJson) {
            // an HTML error page from a proxy: the HTTP status is all there is
        }
        return String.valueOf(response.getStatus());
    }

    private String basicAuth() {
        String credentials = config.accountSid() + ":" + config.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
