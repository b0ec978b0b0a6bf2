package io.leadflow.cadence.problem;

import java.util.List;

/** A request with fields that are not valid: answered 400 with every field and why. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.InvalidParam> invalidParams;

    public InvalidRequestException(List<Problem.InvalidParam> invalidParams) {
        super(invalidParams.size() + " invalid field(s)");
        this.invalidParams = List.copyOf(invalidParams);
    }

    public static InvalidRequestException of(String field, String reason) {
        return new InvalidRequestException(List.of(new Problem.InvalidParam(field, reason)));
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
