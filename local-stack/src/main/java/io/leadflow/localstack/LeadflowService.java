package io.leadflow.localstack;

/** The three Leadflow applications, by Maven module, with the port each uses by default. */
public enum LeadflowService {
    LEAD_INTAKE("lead-intake", 8080),
    CADENCE_ENGINE("cadence-engine", 8081),
    NOTIFIER("notifier", 8082);

    private final String module;
    private final int defaultPort;

    LeadflowService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
