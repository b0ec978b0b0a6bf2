package io.leadflow.bench.sinks;

import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the SMS sink and the mail catcher of a local stack have received so far, by touch. */
public final class SinkMessages {

    /** The notifier's status callback is {@code <base>/webhooks/twilio/status/<touchId>}. */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status/";
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^@>]+)@leadflow\\.local>");

    private SinkMessages() {
    }

    public static List<SinkMessage> snapshot(LocalStack stack) {
        List<SinkMessage> all = new ArrayList<>();
        for (ReceivedSms sms : stack.smsSink().messages()) {
            all.add(new SinkMessage(touchIdFromCallback(sms.statusCallback()), "sms", List.of(sms.to()), sms.receivedAt()));
        }
        for (CaughtMail mail : stack.mailCatcher().messages()) {
            all.add(new SinkMessage(touchIdFromMessageId(mail.messageId()), "email", mail.to(), mail.receivedAt()));
        }
        return all;
    }

    static String touchIdFromCallback(String statusCallback) {
        if (statusCallback == null) {
            return null;
        }
        int at = statusCallback.lastIndexOf(STATUS_CALLBACK_PATH);
        return at < 0 ? null : statusCallback.substring(at + STATUS_CALLBACK_PATH.length());
    }

    static String touchIdFromMessageId(String messageId) {
        if (messageId == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(messageId);
        return matcher.find() ? matcher.group(1) : null;
    }
}
