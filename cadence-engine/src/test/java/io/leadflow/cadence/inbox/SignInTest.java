package io.leadflow.cadence.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.cadence.routing.Rep;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class SignInTest {

    static final String DANA = "dana@oakridge-homes.test";
    private static final String PRIYA = "priya@oakridge-homes.test";

    @Test
    void shouldStaySignedOutAfterAWrongPassword() {
        given().redirects().follow(false).formParam("email", DANA).formParam("password", "not-her-password")
                .when().post("/inbox/sign-in")
                .then().statusCode(401).header("Set-Cookie", nullValue())
                .body(containsString("do not match"), containsString("value=\"" + DANA + "\""));
        given().redirects().follow(false).when().get("/inbox")
                .then().statusCode(303).header("Location", endsWith("/inbox/sign-in"));
    }

    @Test
    void shouldRefuseSignInsForAnEmailAfterFiveFailuresWithoutCheckingThePassword() {
        String email = "guess-" + UUID.randomUUID() + "@example.test";
        for (int attempt = 1; attempt <= 5; attempt++) {
            given().formParam("email", email).formParam("password", "guess-" + attempt)
                    .when().post("/inbox/sign-in").then().statusCode(401);
        }
        given().formParam("email", email.toUpperCase(Locale.ROOT)).formParam("password", "guess-6")
                .when().post("/inbox/sign-in").then().statusCode(429).body(containsString("Too many failed sign-ins"));
    }

    @Test
    void shouldGiveAnHttpOnlyStrictSessionThatOnlyASignOutWithTheFormsTokenEnds() {
        given().redirects().follow(false).formParam("email", DANA).formParam("password", InboxBrowser.DEMO_PASSWORD)
                .when().post("/inbox/sign-in")
                .then().statusCode(303).header("Location", endsWith("/inbox"))
                .header("Set-Cookie", allOf(containsString("HttpOnly"), containsString("SameSite=Strict"),
                        containsString("Path=/inbox"), not(containsString("Secure"))));
        InboxBrowser dana = InboxBrowser.signIn(DANA);
        dana.request().when().get("/inbox").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("Dana Whitfield"));

        dana.request().contentType("application/x-www-form-urlencoded").formParam("csrf", "forged")
                .when().post("/inbox/sign-out").then().statusCode(403);
        dana.request().contentType("application/x-www-form-urlencoded")
                .when().post("/inbox/sign-out").then().statusCode(403);
        dana.request().when().get("/inbox").then().statusCode(200);

        dana.form(dana.csrf("/inbox")).when().post("/inbox/sign-out")
                .then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
        dana.request().when().get("/inbox").then().statusCode(303).header("Location", endsWith("/inbox/sign-in"));
    }

    @Test
    void shouldLetOpsGiveARepANewPasswordWhichEndsTheirSessions() {
        UUID priyaId = QuarkusTransaction.requiringNew().call(() -> Rep.<Rep>find("email", PRIYA).firstResult().id);
        InboxBrowser priya = InboxBrowser.signIn(PRIYA);
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("password", "short"))
                .when().put("/api/reps/{id}/inbox-password", priyaId)
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("password"));
        given().contentType("application/json").body(Map.of("password", "a-new-long-password"))
                .when().put("/api/reps/{id}/inbox-password", priyaId).then().statusCode(401);
        try {
            given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("password", "a-new-long-password"))
                    .when().put("/api/reps/{id}/inbox-password", priyaId).then().statusCode(204);
            priya.request().when().get("/inbox").then().statusCode(303);
            given().formParam("email", PRIYA).formParam("password", InboxBrowser.DEMO_PASSWORD)
                    .when().post("/inbox/sign-in").then().statusCode(401);
            given().redirects().follow(false).formParam("email", PRIYA).formParam("password", "a-new-long-password")
                    .when().post("/inbox/sign-in").then().statusCode(303);
        } finally {
            given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("password", InboxBrowser.DEMO_PASSWORD))
                    .when().put("/api/reps/{id}/inbox-password", priyaId).then().statusCode(204);
        }
    }
}
