package io.leadflow.cadence.lead;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.messaging.ContractViolationException;
import io.leadflow.contracts.LeadReceived;

class LeadReceivedContractTest {

    @Test
    void shouldAcceptAWellFormedLead() {
        assertThatCode(() -> LeadReceivedContract.check(TestLeads.inDaytime(true))).doesNotThrowAnyException();
    }

    @Test
    void shouldRejectARecordWithoutLeadIdOrTimeZoneNamingEveryProblem() {
        LeadReceived broken = new LeadReceived(null, "web", null, false, null, new LeadReceived.LeadTimeZone("Mars/Base", "form"),
                null, null, Map.of(), null);

        assertThatThrownBy(() -> LeadReceivedContract.check(broken))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("leadId is missing")
                .hasMessageContaining("receivedAt is missing")
                .hasMessageContaining("contact is missing")
                .hasMessageContaining("timeZone");
    }
}
