package io.leadflow.bench.sinks;

import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;
import java.util.ArrayList;
import java.util.List;

/** What the SMS sink and the mail catcher of a local stack have received so far, by touch. */
public final class SinkMessages {

    private SinkMessages() {
    }

    public static List<SinkMessage> snapshot(LocalStack stack) {
        List<SinkMessage> all = new ArrayList<>();
        for (ReceivedSms sms : stack.smsSink().messages()) {
            all.add(new SinkMessage(sms.touchId(), "sms", List.of(sms.to()), sms.receivedAt()));
        }
        for (CaughtMail mail : stack.mailCatcher().messages()) {
            all.add(new SinkMessage(mail.touchId(), "email", mail.to(), mail.receivedAt()));
        }
        return all;
    }
}
