package io.leadflow.cadence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "leadflow.engine")
public interface EngineConfig {

    /** A playbook YAML file to run instead of the bundled default playbook. */
    Optional<Path> playbookFile();

    /** The templates the notifier can render; a playbook naming another one is refused. */
    @WithDefault("new-lead-alert,escalation-alert,first-text,first-email,call-now,same-day-text,questions-since-email,"
            + "second-call,helpful-text,week-one-email,check-in-call,two-week-text,three-week-email,closing-loop-email,"
            + "voicemail-script,missed-call-text,came-back-alert")
    List<String> templates();

    /** A plain ops token to register at start (stored hashed), so a fresh install can be operated. */
    Optional<String> bootstrapOpsToken();

    /** Seed a demo team of reps when there are none (for the local stack, never in production). */
    @WithDefault("false")
    boolean demoTeam();

    /** The engine's address as people's browsers reach it; claim links point here. */
    @WithDefault("http://localhost:8081")
    String publicUrl();

    /** Signs claim links (HMAC-SHA256); every engine instance needs the same one. */
    String claimSecret();

    Claim claim();

    /**
     * A lead whose phone or email matches a lead with an inquiry this recent is merged into that lead
     * (its rep is alerted, no second cadence starts).
     */
    @WithDefault("30d")
    Duration returningLeadWindow();

    Inbox inbox();

    /** The rep inbox ({@code /inbox}). */
    interface Inbox {

        /** Given at start to every rep without a password, for local runs; never set in production. */
        Optional<String> demoPassword();

        /** How long an inbox session lasts after sign-in. */
        @WithDefault("12h")
        Duration sessionTtl();
    }

    Commitments commitments();

    interface Commitments {

        /** How long past a promised time the rep has to log an outcome before the manager is alerted. */
        @WithDefault("15m")
        Duration breachGrace();
    }

    /**
     * The first response to a lead's own inquiry (steps within 5 minutes of it) outside the contact
     * window: hold SMS and calls to the window (email and the rep's alert go at once), or send at once.
     */
    @WithDefault("hold-sms")
    FirstResponse firstResponse();

    enum FirstResponse {
        HOLD_SMS,
        SEND_IMMEDIATELY
    }

    Scheduler scheduler();

    Routing routing();

    interface Routing {

        /** A rep going off hands over their claimed leads' call and voicemail tasks due within this. */
        @WithDefault("12h")
        Duration handoverHorizon();
    }

    ContactWindow contactWindow();

    /** Defaults for sources without cadence settings of their own. */
    interface Claim {

        /** How long the assigned rep has to claim a new lead before it goes to the next rep. */
        @WithDefault("60s")
        Duration sla();

        /** How many other reps an unclaimed lead is offered to before the team's manager owns it. */
        @WithDefault("2")
        int maxFallbacks();

        /** How long a claim link stays valid after the claim deadline. */
        @WithDefault("10m")
        Duration linkGrace();
    }

    interface Scheduler {

        /** How often the poller looks for due touches; bounds how late a later step can be. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How many due touches one claim takes. */
        @WithDefault("500")
        int batchSize();

        /**
         * Claims in flight at once while a backlog drains (a full batch came back); each mostly waits
         * on the database and the broker's acknowledgements, so several keep the engine busy.
         */
        @WithDefault("4")
        int dispatchThreads();
    }

    /** When SMS and calls may reach a lead, in the lead's local time (47 CFR 64.1200(c)(1)). */
    interface ContactWindow {

        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("21:00")
        LocalTime closes();
    }
}
