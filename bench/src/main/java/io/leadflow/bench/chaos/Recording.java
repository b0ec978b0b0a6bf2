package io.leadflow.bench.chaos;

import io.leadflow.bench.load.LoadGenerator;
import io.leadflow.bench.records.RecordedTouch;
import io.leadflow.bench.sinks.SinkMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chaos run observed, from the client, the services' records and the sinks; the checker
 * works on this alone (it is saved as {@code recording.json} and can be checked again).
 *
 * @param accepted           leads that got a 202
 * @param neverAccepted      leads that got no 202 within the retry bound (not lost: nobody promised them)
 * @param recordedLeadIds    leads cadence-engine stored
 * @param touches            every touch cadence-engine planned, with the notifier's delivery status
 * @param messages           what the SMS sink and the mail catcher received
 * @param duplicatePosts     accepted leads posted a second time with the same Idempotency-Key
 * @param optOuts            leads that texted STOP during the run (each STOP delivered twice)
 * @param notifierKills      how often the notifier was SIGKILLed (bounds the in-doubt sends)
 * @param sendsInFlightPerNotifier the notifier's concurrent sends (its worker pools)
 * @param checkedAt          when the records were read: a touch due later is not expected yet
 * @param queues             at the end: {@code deadLetters} (records per dead-letter topic: given up on) and
 *                           {@code consumerLag} ("group / topic": records not consumed yet: late, not lost)
 */
public record Recording(List<AcceptedLead> accepted, int neverAccepted, Set<String> recordedLeadIds,
                        List<RecordedTouch> touches, List<SinkMessage> messages,
                        List<LoadGenerator.Duplicate> duplicatePosts, List<OptOut> optOuts, int notifierKills,
                        int sendsInFlightPerNotifier, Instant checkedAt, Map<String, Map<String, Long>> queues) {

    public Recording {
        optOuts = optOuts == null ? List.of() : optOuts; // recordings saved before opt-outs were checked
    }

    /** @param night posted as a night lead (local time 22:00–06:00 when posted) */
    public record AcceptedLead(String leadId, String phoneE164, String email, String timeZone, boolean night) {
    }

    /**
     * A STOP texted from a lead's phone to the notifier's signed webhook.
     *
     * @param answeredAt   when the notifier answered it: the opt-out has taken effect from then on
     * @param status       the webhook's answer (after retries while the notifier was down); 0 for none
     * @param repeatStatus the answer to the same request delivered a second time (0 when not repeated)
     */
    public record OptOut(String leadId, String phoneE164, Instant answeredAt, int status, int repeatStatus) {

        public boolean tookEffect() {
            return status == 200;
        }
    }
}
