package io.leadflow.systemtest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.leadflow.localstack.MiddayZone;

/** A prospect unique to one test (own last name, phone and email), living where it is midday now. */
record TestLead(String firstName, String lastName, String phone, String email, boolean smsConsent) {

    /** Never the same phone twice in a run: the engine merges a lead whose phone it saw within 30 days. */
    private static final AtomicInteger NEXT_LINE = new AtomicInteger(ThreadLocalRandom.current().nextInt(2000, 8000));

    static TestLead withSmsConsent(String firstName, boolean smsConsent) {
        String lastName = "Tester" + Character.toUpperCase((char) ('a' + ThreadLocalRandom.current().nextInt(26)))
                + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String phone = "+1415555" + NEXT_LINE.getAndIncrement();
        String email = lastName.toLowerCase() + "@example.com";
        return new TestLead(firstName, lastName, phone, email, smsConsent);
    }

    String json() {
        return """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"%s",
                 "message":"We are relocating in June and want a 3-bedroom near good schools",
                 "timeZone":"%s",
                 "interest":{"community":"Oak Ridge","homeSize":"3 bedrooms","budget":"$450k","timeline":"June"},
                 "consent":{"sms":%s,"email":true,"text":"I agree to receive texts and emails about my inquiry"}}
                """.formatted(firstName, lastName, email, phone, MiddayZone.now(), smsConsent);
    }
}
