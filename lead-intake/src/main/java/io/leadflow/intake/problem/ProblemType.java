package io.leadflow.intake.problem;

/** The problems intake answers with; the slug is stable API, and the rejection metric's reason tag. */
public enum ProblemType {

    INVALID_LEAD("invalid-lead", "The lead is invalid", 400),
    MALFORMED_JSON("malformed-json", "The request body is not the expected JSON", 400),
    UNAUTHORIZED("unauthorized", "A valid source key is required", 401),
    ADMIN_UNAUTHORIZED("admin-unauthorized", "The admin token is required", 401),
    INVALID_REQUEST("invalid-request", "The request is invalid", 400),
    CONFLICT("conflict", "Conflict", 409),
    IDEMPOTENCY_CONFLICT("idempotency-key-reused", "The Idempotency-Key was used with another body", 422),
    RATE_LIMITED("rate-limited", "Too many leads", 429),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    BAD_REQUEST("bad-request", "Bad request", 400),
    BROKER_UNAVAILABLE("broker-unavailable", "The lead could not be stored; retry with the same Idempotency-Key", 503),
    LEAD_SOURCE_UNAVAILABLE("lead-source-unavailable", "The lead platform did not give us the lead; retry later", 503),
    INTERNAL_ERROR("internal-error", "Internal error", 500);

    private static final String URN_PREFIX = "urn:leadflow:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    private boolean generic() {
        return switch (this) {
            case NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, BAD_REQUEST,
                    CONFLICT, INTERNAL_ERROR -> true;
            default -> false;
        };
    }

    /** The type for a status nothing more specific covers. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type.generic()) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
