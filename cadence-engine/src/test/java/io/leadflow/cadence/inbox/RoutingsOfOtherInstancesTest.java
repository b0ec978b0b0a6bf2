package io.leadflow.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The inbox hears routings of other engine instances, which this test plays on a connection of its own. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class RoutingsOfOtherInstancesTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID OTHER_INSTANCE = UUID.randomUUID();

    @Test
    void shouldShowALeadThatAnotherInstanceRouted() throws SQLException {
        UUID leadId = routedLead();
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        try (InboxEvents danasInbox = InboxEvents.open(dana)) {
            notifyAsOtherInstance(leadId);

            assertThat(danasInbox.awaitData("\"type\":\"lead\",\"leadId\":\"" + leadId, BOUND)).contains("Maria Lopez");
        }
    }

    @Test
    void shouldTellOtherInstancesOnCommitWithIdsOnlyAndShowTheLeadHereOnce() throws Exception {
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        LeadReceived lead = TestLeads.inDaytime(true);
        try (Connection otherInstance = connect(); InboxEvents danasInbox = InboxEvents.open(dana)) {
            listen(otherInstance);
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

            danasInbox.awaitData("\"type\":\"lead\",\"leadId\":\"" + lead.leadId(), BOUND);
            String notice = awaitNotice(otherInstance, lead.leadId());
            assertThat(JSON.readValue(notice, Map.class)).containsOnlyKeys("leadId", "repId", "instance");
            // notices reach a listener in order: once this later one is through, the engine has seen its own
            UUID marker = UUID.randomUUID();
            notifyAsOtherInstance(marker);
            List<String> meanwhile = danasInbox.dataUntil("\"type\":\"gone\",\"leadId\":\"" + marker, BOUND);
            assertThat(meanwhile).noneMatch(data -> data.contains("\"leadId\":\"" + lead.leadId()));
        }
    }

    @Test
    void shouldHearOtherInstancesAgainAfterPostgresRestarted() throws SQLException {
        UUID leadId = routedLead();
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        try (InboxEvents openedBefore = InboxEvents.open(dana)) {
            SharedLocalStack.withPostgresDown(() -> sleep(Duration.ofSeconds(2)));

            // routings may have gone unheard meanwhile: the page redraws
            openedBefore.awaitData("\"type\":\"reload\"", BOUND);
        }
        try (InboxEvents danasInbox = InboxEvents.open(InboxBrowser.signIn(SignInTest.DANA))) {
            await().atMost(BOUND).untilAsserted(() -> {
                notifyAsOtherInstance(leadId);
                danasInbox.awaitData("\"type\":\"lead\",\"leadId\":\"" + leadId, Duration.ofSeconds(2));
            });
        }
    }

    /** A lead of the default team, routed (here) and committed. */
    private static UUID routedLead() {
        LeadReceived lead = TestLeads.inDaytime(true);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Lead stored = Lead.findById(lead.leadId());
            return stored != null && stored.assignedRepId != null;
        }));
        return lead.leadId();
    }

    private static void notifyAsOtherInstance(UUID leadId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, RoutedLeadNotices.CHANNEL);
            notify.setString(2, "{\"leadId\":\"%s\",\"repId\":\"%s\",\"instance\":\"%s\"}".formatted(leadId, UUID.randomUUID(), OTHER_INSTANCE));
            notify.execute();
        }
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + RoutedLeadNotices.CHANNEL);
        }
    }

    private static String awaitNotice(Connection connection, UUID leadId) throws SQLException {
        List<String> heard = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Arrays.stream(connection.unwrap(PGConnection.class).getNotifications(200)).forEach(n -> heard.add(n.getParameter()));
            for (String notice : heard) {
                if (notice.contains(leadId.toString())) {
                    return notice;
                }
            }
        }
        throw new AssertionError("No notice for lead " + leadId + "; heard " + heard);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
