package io.leadflow.bench.chaos;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The faults of a chaos run. Process faults — a SIGKILL of each service (restarted at once), a
 * broker restart, a PostgreSQL restart — come one after another in an order drawn from the seed,
 * spread over 10 %–75 % of the load. Provider outages — the SMS provider answering 503 then 429,
 * SMTP refusing connections — last a fixed time and overlap them: the SMS outage starts at 10 %–20 %
 * of the load, the SMTP outage at 40 %–55 %.
 */
final class ChaosSchedule {

    static final Duration SMS_DOWN = Duration.ofSeconds(60);
    static final Duration SMS_RATE_LIMITED = Duration.ofSeconds(20);
    static final int SMS_RETRY_AFTER_SECONDS = 5;
    static final Duration SMTP_DOWN = Duration.ofSeconds(30);

    enum Fault {
        KILL_LEAD_INTAKE("SIGKILL lead-intake, restart it", Duration.ZERO),
        KILL_CADENCE_ENGINE("SIGKILL cadence-engine, restart it", Duration.ZERO),
        KILL_NOTIFIER("SIGKILL notifier, restart it", Duration.ZERO),
        RESTART_BROKER("restart the Kafka broker", Duration.ZERO),
        RESTART_POSTGRES("restart PostgreSQL", Duration.ZERO),
        SMS_OUTAGE("SMS provider outage: 503 for " + SMS_DOWN.toSeconds() + " s, then 429 with Retry-After: "
                + SMS_RETRY_AFTER_SECONDS + " for " + SMS_RATE_LIMITED.toSeconds() + " s", SMS_DOWN.plus(SMS_RATE_LIMITED)),
        SMTP_OUTAGE("SMTP outage: the mail catcher refuses connections for " + SMTP_DOWN.toSeconds() + " s", SMTP_DOWN);

        private final String description;
        private final Duration outage;

        Fault(String description, Duration outage) {
            this.description = description;
            this.outage = outage;
        }

        String description() {
            return description;
        }

        /** How long a provider outage lasts; zero for a kill or restart, which lasts until the process is back. */
        Duration outage() {
            return outage;
        }

        boolean isOutage() {
            return !outage.isZero();
        }

        /** A kill or restart returns when the process is back; an outage returns at once, armed, to be {@link #end}ed. */
        void inject(LocalStack stack) {
            switch (this) {
                case KILL_LEAD_INTAKE -> stack.killAndRestart(LeadflowService.LEAD_INTAKE);
                case KILL_CADENCE_ENGINE -> stack.killAndRestart(LeadflowService.CADENCE_ENGINE);
                case KILL_NOTIFIER -> stack.killAndRestart(LeadflowService.NOTIFIER);
                case RESTART_BROKER -> stack.restartKafka();
                case RESTART_POSTGRES -> stack.restartPostgres();
                case SMS_OUTAGE -> {
                    stack.smsSink().failFor(SMS_DOWN, 503, null);
                    stack.smsSink().thenFailFor(SMS_RATE_LIMITED, 429, SMS_RETRY_AFTER_SECONDS);
                }
                case SMTP_OUTAGE -> stack.mailCatcher().stopSmtp();
            }
        }

        /** Ends an outage (the SMS sink's windows close by themselves). */
        void end(LocalStack stack) {
            if (this == SMTP_OUTAGE) {
                stack.mailCatcher().startSmtp();
            }
        }
    }

    /** Every fault: {@code ./leadflow chaos}. */
    static final Set<Fault> ALL = EnumSet.allOf(Fault.class);
    /** The CI form: one SIGKILL per service and one SMS outage. */
    static final Set<Fault> CI = EnumSet.of(Fault.KILL_LEAD_INTAKE, Fault.KILL_CADENCE_ENGINE, Fault.KILL_NOTIFIER, Fault.SMS_OUTAGE);

    /** A fault due {@code at} after the load started. */
    record Planned(Duration at, Fault fault) {
    }

    private ChaosSchedule() {
    }

    /** The planned faults, by the time they are due. */
    static List<Planned> plan(Duration load, long seed, Set<Fault> faults) {
        Random random = new Random(seed);
        List<Fault> processFaults = new ArrayList<>(faults.stream().filter(fault -> !fault.isOutage()).toList());
        Collections.shuffle(processFaults, random);
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < processFaults.size(); i++) {
            double share = 0.10 + 0.65 * i / Math.max(1, processFaults.size() - 1);
            planned.add(new Planned(share(load, share), processFaults.get(i)));
        }
        if (faults.contains(Fault.SMS_OUTAGE)) {
            planned.add(new Planned(share(load, 0.10 + 0.10 * random.nextDouble()), Fault.SMS_OUTAGE));
        }
        if (faults.contains(Fault.SMTP_OUTAGE)) {
            planned.add(new Planned(share(load, 0.40 + 0.15 * random.nextDouble()), Fault.SMTP_OUTAGE));
        }
        planned.sort(Comparator.comparing(Planned::at));
        return planned;
    }

    private static Duration share(Duration load, double share) {
        return Duration.ofMillis((long) (load.toMillis() * share));
    }

    /** What happened when a fault was injected; {@code recovery} is how long until it was over. */
    record Injected(Fault fault, Duration at, Duration recovery, String error) {
    }
}
