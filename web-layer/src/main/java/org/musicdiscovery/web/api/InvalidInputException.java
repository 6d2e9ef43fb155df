package org.musicdiscovery.web.api;

/** A public input broke a rule: 400 naming the field. */
public class InvalidInputException extends ApiProblem {
    public InvalidInputException(String field, String message) {
        super(400, "invalid_" + field, message, field, null);
    }
}
