package io.leadflow.notifier.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import java.net.ConnectException;
import java.util.Optional;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.leadflow.notifier.delivery.Outcome;

/**
 * One account of a Twilio-compatible Messages API: sends one SMS and turns the answer into an
 * {@link Outcome}; it never throws for a provider failure.
 */
public class TwilioAccount implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(TwilioAccount.class);

    private final String name;
    private final TwilioClient client;
    private final String accountSid;
    private final String authToken;
    private final Optional<String> statusCallbackBaseUrl;
    private final Clock clock;

    /** @param statusCallbackBaseUrl where the provider posts delivery status; empty: no callback asked for */
    public TwilioAccount(String name, TwilioClient client, String accountSid, String authToken,
            Optional<String> statusCallbackBaseUrl, Clock clock) {
        this.name = name;
        this.client = client;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.statusCallbackBaseUrl = statusCallbackBaseUrl.filter(base -> !base.isBlank());
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Outcome send(UUID touchId, String from, String to, String body) {
        if (SmsSegments.count(body) > 2) {
            LOG.warnf("touch %s: SMS body is %d segments", touchId, SmsSegments.count(body));
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("To", to);
        form.add("From", from);
        form.add("Body", body);
        statusCallbackBaseUrl.ifPresent(base -> form.add("StatusCallback", stripSlash(base) + "/webhooks/twilio/status/" + touchId));
        try (Response response = client.createMessage(accountSid, basicAuth(), form)) {
            return outcomeOf(touchId, response, clock.instant()).withProvider(name);
        } catch (WebApplicationException error) {
            // a client built without the default mapper disabled: the answer is still an answer
            return outcomeOf(touchId, error.getResponse(), clock.instant()).withProvider(name);
        } catch (ProcessingException e) {
            return unanswered(touchId, e).withProvider(name);
        }
    }

    /**
     * No connection at all: nothing was sent, worth a retry (or another provider). Connected but no
     * answer in time: the provider may have sent it, so it is retried here only, never elsewhere.
     */
    private Outcome unanswered(UUID touchId, ProcessingException e) {
        boolean connected = true;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            connected &= !(cause instanceof ConnectException);
        }
        LOG.warnf("touch %s: SMS provider %s %s: %s", touchId, name, connected ? "did not answer" : "unreachable",
                e.getClass().getSimpleName());
        return Outcome.transientFailure(connected ? Outcome.PROVIDER_TIMEOUT : Outcome.PROVIDER_UNREACHABLE, null, null,
                clock.instant());
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
        String credentials = accountSid + ":" + authToken;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
