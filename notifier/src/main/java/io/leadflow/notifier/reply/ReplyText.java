package io.leadflow.notifier.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the person wrote in a reply, without the quoted message under it. */
final class ReplyText {

    // "On Tue, 3 Dec 2026 at 10:02, Dana <...> wrote:", Outlook's separator, a signature's "-- "
    private static final Pattern HISTORY = Pattern.compile(
            "^(On .*wrote:|-{2,}\\s*Original Message\\s*-{2,}|From: .*|-- ?|_{5,})$", Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    static String newPart(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith(">") || HISTORY.matcher(stripped).matches()) {
                break;
            }
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return String.join(" ", lines);
    }
}
