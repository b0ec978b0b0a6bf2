package io.leadflow.cadence.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A rep's browser on the inbox: the session cookie, and the CSRF token its pages carry. */
final class InboxBrowser {

    static final String DEMO_PASSWORD = "test-inbox-password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final String session;

    private InboxBrowser(String session) {
        this.session = session;
    }

    static InboxBrowser signIn(String email) {
        Response response = given().redirects().follow(false).formParam("email", email).formParam("password", DEMO_PASSWORD)
                .when().post("/inbox/sign-in");
        assertThat(response.statusCode()).isEqualTo(303);
        String session = response.cookie(InboxCookies.NAME);
        assertThat(session).isNotBlank();
        return new InboxBrowser(session);
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookie(InboxCookies.NAME, session);
    }

    /** The CSRF token of the page at this path. */
    String csrf(String path) {
        Matcher matcher = CSRF.matcher(request().when().get(path).then().statusCode(200).extract().asString());
        assertThat(matcher.find()).as("a form with a CSRF token on " + path).isTrue();
        return matcher.group(1);
    }

    RequestSpecification form(String csrf) {
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
    }
}
