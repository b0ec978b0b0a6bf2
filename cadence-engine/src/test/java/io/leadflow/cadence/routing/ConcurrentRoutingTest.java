package io.leadflow.cadence.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.lead.LeadReceivedConsumer;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ConcurrentRoutingTest {

    private static final int LEADS = 30;

    @Inject
    LeadReceivedConsumer consumer;

    @Test
    void shouldGiveEveryConcurrentLeadARepAndSplitThemEvenlyEvenWhenEachIsDeliveredTwice() throws Exception {
        List<LeadReceived> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(TestLeads.inDaytime(true));
        }
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (LeadReceived lead : leads) {
            // a redelivery racing the first delivery must neither fail nor start a second cadence
            for (int copy = 0; copy < 2; copy++) {
                deliveries.add(() -> {
                    consumer.onLeadReceived(lead);
                    return null;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Void> delivery : pool.invokeAll(deliveries)) {
                delivery.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> repNames = leads.stream()
                .map(lead -> given().auth().oauth2(TestLeads.OPS_TOKEN)
                        .when().get("/api/leads/{id}/timeline", lead.leadId())
                        .then().statusCode(200)
                        .body("timeline.findAll { it.kind == 'alert' }", hasSize(2))
                        .extract().jsonPath().getString("assignedRep.name"))
                .toList();
        assertThat(repNames).doesNotContainNull();
        Map<String, Long> perRep = repNames.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRep).hasSize(3);
        assertThat(perRep.values()).allSatisfy(count -> assertThat(count).isEqualTo(LEADS / 3));
    }
}
