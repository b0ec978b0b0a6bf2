package io.leadflow.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifier's own settings. Secrets (the Twilio token) come from environment variables only. */
@ConfigMapping(prefix = "leadflow.notifier")
public interface NotifierConfig {

    /** The business named in every first message and email footer, e.g. {@code Oak Ridge Homes}. */
    @WithDefault("Oak Ridge Homes")
    String businessName();

    /** The business's physical postal address, printed in every email footer (CAN-SPAM). */
    String postalAddress();

    /**
     * Secret key of the HMAC under which addresses are stored in the suppression list and contact
     * book (never the raw address). Changing it forgets every opt-out: rotate by re-hashing.
     */
    String addressHashKey();

    /**
     * The URL the notifier is reached at from the internet (e.g. {@code https://notify.example.com}).
     * Webhook signatures are checked against it plus the request's path and query, never against
     * the Host header a proxy may have rewritten.
     */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** Bearer token of the notifier's own API (template preview). */
    String apiToken();

    /** Secret key that signs the links we put in messages (one-click unsubscribe). */
    String linkSigningKey();

    /** How long an unsubscribe link keeps working. */
    @WithDefault("60d")
    Duration unsubscribeLinkLifetime();

    /** How a person reaches the business, in the HELP answer, e.g. {@code call (217) 555-0100}. */
    String helpContact();

    /** How long after a rep alert a "1" or "YES" texted back from the alerted phone claims the lead. */
    @WithDefault("30m")
    Duration repClaimWindow();

    /**
     * How long a consumer keeps retrying a record whose database work fails transiently (PostgreSQL
     * restarting, no pooled connection free) before the record goes to its DLQ. Kept below the
     * Kafka connector's limit for an unprocessed record (60 s), past which the channel is unhealthy.
     */
    @WithDefault("45s")
    Duration databaseRetryLimit();

    Sms sms();

    Email email();

    InboundEmail inboundEmail();

    WebhookLimits webhookLimits();

    Senders senders();

    Retry retry();

    InDoubt inDoubt();

    Circuit circuit();

    /**
     * Provider calls run on sender threads, one pool per provider, so the Kafka consumers never
     * wait on a provider and an SMS outage never holds up email. First touches and rep alerts go
     * ahead of nurture touches in each pool's queue.
     */
    interface Senders {

        @WithDefault("4")
        int sms();

        @WithDefault("4")
        int email();

        /** Touches waiting per pool; beyond it they stay queued in the table for the retry poller. */
        @WithDefault("10000")
        int queueCapacity();

        /**
         * How long a queued touch belongs to the sender it was handed to; after that (the process
         * died before sending it) the retry poller sends it.
         */
        @WithDefault("10s")
        Duration handoffGrace();

        /**
         * On a graceful stop, how long sends already talking to a provider may take to finish (and
         * record their result) before the database closes; unfinished ones become in doubt.
         */
        @WithDefault("10s")
        Duration stopGrace();
    }

    /** Transient provider failures are retried from the delivery row, with exponential backoff and jitter. */
    interface Retry {

        /** The first retry's delay before jitter; each further retry doubles it. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** Provider calls per touch, the first one included; then the touch fails with {@code retries_exhausted}. */
        @WithDefault("8")
        int maxAttempts();

        /** No attempt is made later than this after the touch was first claimed. */
        @WithDefault("2h")
        Duration maxAge();

        /** How often the retry poller looks for due retries and in-doubt sends. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();
    }

    /** A send still {@code sending} after {@link #after()} is in doubt: the process died during the provider call. */
    interface InDoubt {

        @WithDefault("30s")
        Duration after();

        /** Rep alerts and call reminders: a second alert is better than none. */
        @WithDefault("resend")
        InDoubtPolicy repAlerts();

        /** Messages to leads: a person must never get the same text twice. */
        @WithDefault("give-up")
        InDoubtPolicy leadMessages();
    }

    enum InDoubtPolicy {
        /** Send again (the email keeps its Message-ID, so a mailbox can tell). */
        RESEND,
        /** Record {@code failed} with reason {@code in_doubt} and report it. */
        GIVE_UP
    }

    /** One circuit breaker per provider (SMS, email), so a provider that is down is not hammered. */
    interface Circuit {

        /** Consecutive transient failures that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial call is let through. */
        @WithDefault("15s")
        Duration openFor();
    }

    /** The Twilio-compatible Messages API. */
    interface Sms {

        /** Base URL of the API, without the {@code /2010-04-01} path; the local SMS sink by default. */
        @WithDefault("http://127.0.0.1:8090")
        String baseUrl();

        /** Twilio account SID, the user of Basic auth and part of the Messages path. */
        String accountSid();

        /** Twilio auth token, the password of Basic auth. From the environment only in production. */
        String authToken();

        /** The sending number (E.164) when no pool is configured ({@link #fromNumbers()} unset). */
        String fromNumber();

        /**
         * The default pool of sending numbers (E.164). Each lead is given one of them and keeps it
         * for its whole cadence; unset means {@link #fromNumber()} alone.
         */
        Optional<List<String>> fromNumbers();

        /**
         * Pools of sending numbers per lead source, keyed by the lead's {@code sourceId}
         * ({@code leadflow.notifier.sms.sources."<sourceId>".from-numbers}); a source without one
         * uses the default pool.
         */
        Map<String, SourcePool> sources();

        Pacing pacing();

        /** The most segments a text may cost, the opt-out line included; checked for every template at start-up. */
        @WithDefault("2")
        int maxSegments();

        /**
         * Of {@link #templates()}, those that only ever go to reps (alerts, call reminders): checked
         * without the introduction ("Reply STOP to opt out") a lead's first text from a number carries.
         */
        @WithDefault("new-lead-alert,call-now,second-call,check-in-call,escalation-alert,commitment-reminder,commitment-breached,commitment-call-task,voicemail-script,came-back-alert")
        List<String> repTemplates();

        /** The SMS templates checked against {@link #maxSegments()} at start-up. */
        @WithDefault("new-lead-alert,first-text,call-now,second-call,check-in-call,same-day-text,helpful-text,two-week-text")
        List<String> templates();

        /**
         * A second Twilio-compatible account (another account, or another provider that speaks the
         * API) that texts go to while this one's circuit is open or when it answers a transient
         * failure (5xx, 429, no connection). Not for permanent failures (21211, 21610), and not
         * after a timeout, when this provider may have sent the text.
         */
        Optional<SecondaryAccount> secondary();

        /**
         * Public base URL Twilio posts delivery status to ({@code <base>/webhooks/twilio/status/<touchId>});
         * when unset, no status callback is requested.
         */
        Optional<String> statusCallbackBaseUrl();
    }

    /** The failover SMS account. */
    interface SecondaryAccount {

        /** Base URL of its API, without the {@code /2010-04-01} path. */
        String baseUrl();

        String accountSid();

        /** From the environment only in production. */
        String authToken();

        /**
         * The number it sends from instead of the lead's own number, when the lead's numbers are
         * not on this account; unset: the same number.
         */
        Optional<String> fromNumber();
    }

    /** The sending numbers of one lead source. */
    interface SourcePool {

        List<String> fromNumbers();

        /** Their pace, when it differs from {@code pacing.segments-per-second} (a toll-free or short-code pool). */
        Optional<Double> segmentsPerSecond();

        /** Their burst, when it differs from {@code pacing.burst}. */
        Optional<Integer> burst();
    }

    /**
     * A token bucket per sending number: carriers filter a number that sends faster than its class
     * allows (a US long code about one segment per second). First touches and rep alerts may use the
     * whole bucket; nurture texts leave {@link #priorityReserve()} segments in it for them.
     */
    interface Pacing {

        /** Off: every text goes out as soon as a sender thread takes it (tests that need speed). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1")
        double segmentsPerSecond();

        /** How many segments a number may send at once after a quiet spell. */
        @WithDefault("6")
        int burst();

        /**
         * Segments nurture texts leave in the bucket, so that a new lead's first text and its rep
         * alert (two segments each at most) never wait behind them.
         */
        @WithDefault("4")
        int priorityReserve();
    }

    interface Email {

        /**
         * The envelope sender, {@code Display Name <address>}. When a rep is known, the display name
         * becomes "{@code <rep> via <business>}" and replies go to the rep.
         */
        @WithDefault("Leadflow <leads@leadflow.local>")
        String from();
    }

    /**
     * Email replies: every email to a lead carries {@code Reply-To: reply+<signed token>@<domain>};
     * replies are read from an IMAP mailbox and may also be posted to {@code /webhooks/email/inbound}.
     */
    interface InboundEmail {

        /** The domain whose {@code reply+…} addresses land in the {@link #imap()} mailbox (or the webhook). */
        @WithDefault("reply.leadflow.local")
        String domain();

        /** How long a reply address keeps working; a reply to an older one is ignored. */
        @WithDefault("90d")
        Duration replyAddressLifetime();

        /** Secret key of the HMAC-SHA256 of the raw body in {@code X-Leadflow-Signature} on the inbound-mail webhook. */
        String webhookSecret();

        Imap imap();
    }

    /**
     * A token bucket per client IP address over every {@code /webhooks/*} request: beyond it, 429
     * with {@code Retry-After}. The body limit is {@code quarkus.http.limits.max-body-size}.
     */
    interface WebhookLimits {

        /** Requests per second one IP address may keep up. */
        @WithDefault("20")
        double perIpPerSecond();

        /** Requests one IP address may send at once after a quiet spell. */
        @WithDefault("40")
        int burst();
    }

    /** The mailbox replies are read from; no host, no polling. */
    interface Imap {

        Optional<String> host();

        @WithDefault("993")
        int port();

        /** IMAP over TLS (imaps); off only for a local catcher. */
        @WithDefault("true")
        boolean ssl();

        Optional<String> user();

        /** From the environment only in production. */
        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        @WithDefault("10s")
        Duration pollInterval();
    }
}
