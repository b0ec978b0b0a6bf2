package io.leadflow.notifier.template;

/** An email ready to send: both parts are always present. */
public record RenderedEmail(String subject, String html, String text) {
}
