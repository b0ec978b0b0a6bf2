package io.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ContractExamplesRoundTripTest {

    private final ObjectMapper mapper = Json.newMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lead.received.v1.json, io.leadflow.contracts.LeadReceived",
            "touch.due.v1.json, io.leadflow.contracts.TouchDue",
            "touch.result.v1.json, io.leadflow.contracts.TouchResult",
            "lead.activity.v1.json, io.leadflow.contracts.LeadActivity" })
    void shouldReadEachExampleAndWriteItBackUnchanged(String example, Class<?> type) throws IOException {
        JsonNode original = readExample(example);

        Object event = mapper.treeToValue(original, type);
        JsonNode written = mapper.valueToTree(event);

        assertThat(written).isEqualTo(original);
        assertThat(nullFieldsOf(written)).as("every field of the example is carried").isEmpty();
    }

    @Test
    void shouldIgnoreFieldsAddedByALaterMinorVersion() throws IOException {
        var withExtra = (com.fasterxml.jackson.databind.node.ObjectNode) readExample("touch.result.v1.json");
        withExtra.put("attempt", 3);

        TouchResult result = mapper.treeToValue(withExtra, TouchResult.class);

        assertThat(result.status()).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(result.providerMessageId()).startsWith("SM");
    }

    @Test
    void shouldTreatATouchWithoutAudienceAsForTheLead() throws IOException {
        var withoutAudience = (com.fasterxml.jackson.databind.node.ObjectNode) readExample("touch.due.v1.json");
        withoutAudience.remove("audience");

        TouchDue touch = mapper.treeToValue(withoutAudience, TouchDue.class);

        assertThat(touch.audienceOrDefault()).isEqualTo(Audience.LEAD);
        assertThat(touch.channel()).isEqualTo(Channel.SMS);
        assertThat(touch.window().contains(touch.dueAt())).isTrue();
    }

    @Test
    void shouldReadALeadFromBeforeThePostalCodeWasAField() throws IOException {
        var withoutPostalCode = (com.fasterxml.jackson.databind.node.ObjectNode) readExample("lead.received.v1.json");
        withoutPostalCode.remove("postalCode");

        LeadReceived lead = mapper.treeToValue(withoutPostalCode, LeadReceived.class);

        assertThat(lead.postalCode()).isNull();
        assertThat(lead.contact().phoneE164()).isEqualTo("+14155550123");
        assertThat(mapper.valueToTree(lead).has("postalCode")).as("an absent postal code is not written").isFalse();
    }

    private JsonNode readExample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/" + name)) {
            assertThat(in).as("example %s", name).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static List<String> nullFieldsOf(JsonNode node) {
        List<String> nulls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            } else if (field.getValue().isObject()) {
                nullFieldsOf(field.getValue()).forEach(n -> nulls.add(field.getKey() + "." + n));
            }
        }
        return nulls;
    }
}
