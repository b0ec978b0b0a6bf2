package io.leadflow.notifier.template;

/** No template for this name and channel: the touch fails with {@code template_missing}, nothing is sent. */
public class TemplateMissingException extends RuntimeException {

    public TemplateMissingException(String templateId) {
        super("no template " + templateId);
    }
}
