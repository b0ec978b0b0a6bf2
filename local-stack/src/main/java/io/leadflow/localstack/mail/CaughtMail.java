package io.leadflow.localstack.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail as the catcher received it.
 *
 * @param receivedAt when the SMTP server took the message (right after DATA)
 * @param from       the From header
 * @param to         the envelope recipients (To, Cc and Bcc alike)
 * @param text       the text/plain part, if any
 * @param html       the text/html part, if any
 * @param headers    every header; repeated headers joined with ", "
 */
public record CaughtMail(Instant receivedAt, String from, List<String> to, String subject, String text, String html,
                         String messageId, Map<String, String> headers) {

    /** The notifier's emails carry {@code Message-ID: <touchId@leadflow.local>}. */
    private static final Pattern TOUCH_MESSAGE_ID = Pattern.compile("<([^@>]+)@leadflow\\.local>");

    /** The touch this mail delivers, named by its Message-ID; null for a mail that names none. */
    public String touchId() {
        if (messageId == null) {
            return null;
        }
        Matcher matcher = TOUCH_MESSAGE_ID.matcher(messageId);
        return matcher.find() ? matcher.group(1) : null;
    }
}
