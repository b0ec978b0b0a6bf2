package io.leadflow.notifier.template;

/**
 * An email ready to send: both parts are always present.
 *
 * @param unsubscribeUrl the one-click unsubscribe link (List-Unsubscribe), null for email to a rep
 * @param replyTo        the lead's reply address ({@code reply+<token>@…}), null for email to a rep
 */
public record RenderedEmail(String subject, String html, String text, String unsubscribeUrl, String replyTo) {

    public RenderedEmail withReplyTo(String address) {
        return new RenderedEmail(subject, html, text, unsubscribeUrl, address);
    }
}
