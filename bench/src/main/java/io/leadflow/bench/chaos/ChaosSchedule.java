package io.leadflow.bench.chaos;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a chaos run: a SIGKILL of each service (restarted at once), a broker restart and a
 * PostgreSQL restart, in an order drawn from the seed, spread over 10 %–75 % of the load.
 */
final class ChaosSchedule {

    enum Fault {
        KILL_LEAD_INTAKE("SIGKILL lead-intake, restart it"),
        KILL_CADENCE_ENGINE("SIGKILL cadence-engine, restart it"),
        KILL_NOTIFIER("SIGKILL notifier, restart it"),
        RESTART_BROKER("restart the Kafka broker"),
        RESTART_POSTGRES("restart PostgreSQL");

        private final String description;

        Fault(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        void inject(LocalStack stack) {
            switch (this) {
                case KILL_LEAD_INTAKE -> stack.killAndRestart(LeadflowService.LEAD_INTAKE);
                case KILL_CADENCE_ENGINE -> stack.killAndRestart(LeadflowService.CADENCE_ENGINE);
                case KILL_NOTIFIER -> stack.killAndRestart(LeadflowService.NOTIFIER);
                case RESTART_BROKER -> stack.restartKafka();
                case RESTART_POSTGRES -> stack.restartPostgres();
            }
        }
    }

    /** A fault due {@code at} after the load started. */
    record Planned(Duration at, Fault fault) {
    }

    private ChaosSchedule() {
    }

    static List<Planned> plan(Duration load, long seed) {
        List<Fault> order = new ArrayList<>(List.of(Fault.values()));
        Collections.shuffle(order, new Random(seed));
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            double share = 0.10 + 0.65 * i / Math.max(1, order.size() - 1);
            planned.add(new Planned(Duration.ofMillis((long) (load.toMillis() * share)), order.get(i)));
        }
        return planned;
    }

    /** What happened when a fault was injected. */
    record Injected(Fault fault, Duration at, Duration recovery, String error) {
    }
}
