package io.leadflow.localstack;

import java.util.Map;

/**
 * Intake's abuse limits (per source key, per client address, per phone, SMS leads per day) are
 * right for the public door but stop a load that comes from one loopback client with a few
 * thousand leads: the local launcher and the benchmark raise them for the sources they create.
 */
public final class LoopbackLoadLimits {

    private static final String UNLIMITED = "1000000000";

    private LoopbackLoadLimits() {
    }

    public static Map<String, String> intakeEnvironment() {
        return Map.of(
                "LEADFLOW_INTAKE_SOURCE_DEFAULTS_LEADS_PER_MINUTE", UNLIMITED,
                "LEADFLOW_INTAKE_SOURCE_DEFAULTS_LEADS_PER_MINUTE_PER_IP", UNLIMITED,
                "LEADFLOW_INTAKE_SOURCE_DEFAULTS_LEADS_PER_HOUR_PER_PHONE", UNLIMITED,
                "LEADFLOW_INTAKE_SOURCE_DEFAULTS_SMS_LEADS_PER_DAY", UNLIMITED);
    }
}
