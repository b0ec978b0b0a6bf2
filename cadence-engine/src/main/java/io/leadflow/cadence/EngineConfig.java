package io.leadflow.cadence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "leadflow.engine")
public interface EngineConfig {

    /** A playbook YAML file to run instead of the bundled default playbook. */
    Optional<Path> playbookFile();

    /** A plain ops token to register at start (stored hashed), so a fresh install can be operated. */
    Optional<String> bootstrapOpsToken();

    /** Seed a demo team of reps when there are none (for the local stack, never in production). */
    @WithDefault("false")
    boolean demoTeam();

    Scheduler scheduler();

    ContactWindow contactWindow();

    interface Scheduler {

        /** How often the poller looks for due touches; bounds how late a later step can be. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How many due touches one claim takes. */
        @WithDefault("500")
        int batchSize();
    }

    /** When SMS and calls may reach a lead, in the lead's local time (47 CFR 64.1200(c)(1)). */
    interface ContactWindow {

        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("21:00")
        LocalTime closes();
    }
}
