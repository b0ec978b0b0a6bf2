package io.leadflow.intake.source;

import static io.restassured.RestAssured.given;

import org.hamcrest.Matchers;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The admin API as tests use it, with the admin token of the test profile. */
public final class AdminApi {

    public static final String TOKEN = "test-admin-token";

    private AdminApi() {
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(TOKEN);
    }

    /** Creates a source named Oak Ridge with these extra JSON members; answers the 201. */
    public static ValidatableResponse createSource(String id, String extraMembers) {
        String members = extraMembers.isBlank() ? "" : ", " + extraMembers;
        return admin().contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"Oak Ridge\"" + members + "}")
                .post("/admin/sources").then()
                .statusCode(201)
                .header("Location", Matchers.endsWith("/admin/sources/" + id));
    }
}
