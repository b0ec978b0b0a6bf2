package io.leadflow.notifier.reply;

import java.util.List;

/**
 * An email someone sent to one of our reply addresses, however it reached us.
 *
 * @param messageId  its {@code Message-ID}, which makes handling it twice harmless
 * @param recipients every address it was sent to (To, Cc, Delivered-To): one should be a reply address
 * @param text       its plain text, quoted history included
 */
public record InboundEmail(String messageId, List<String> recipients, String text) {
}
