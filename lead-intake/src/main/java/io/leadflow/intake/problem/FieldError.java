package io.leadflow.intake.problem;

/**
 * One field at fault in a request.
 *
 * @param field the JSON path of the field as the client sent it, e.g. {@code interest.budget}, or a header name
 */
public record FieldError(String field, String message) {
}
