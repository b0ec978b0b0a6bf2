package io.leadflow.notifier.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an inbound text asks for. The carriers' keywords count only as the whole message; a
 * plain-language revocation ("please stop texting me") counts anywhere, but "stop" alone in a
 * sentence does not ("can I stop by Saturday?", "don't stop").
 */
public final class SmsKeywords {

    public enum Intent {
        OPT_OUT, OPT_IN, YES, HELP, OTHER
    }

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END",
            "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "OPT-OUT");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");
    private static final Set<String> YES = Set.of("YES", "Y");
    private static final Set<String> HELP = Set.of("HELP", "INFO");
    private static final Set<String> CLAIM = Set.of("1", "Y", "YES");

    private static final String ME = "(me|us|this number|my number)";
    private static final Pattern[] REVOCATIONS = {
            // "please stop texting me", "stop sending me messages", "quit messaging"
            Pattern.compile("(?<!(don't|dont|do not|never|not) )\\b(stop|quit|cease)\\s+(all\\s+)?(texting|txting|messaging|contacting|calling|spamming|bugging|"
                    + "sending\\s+(me\\s+)?(any\\s+more\\s+|more\\s+)?(texts|txts|messages|sms))\\b"),
            // "don't text me", "do not message me anymore" (but not "don't text me before 5")
            Pattern.compile("\\b(don'?t|dont|do not|never)\\s+(text|txt|message|contact|sms)\\s+" + ME
                    + "(\\s+(again|anymore|any more|ever again))?(\\s+(please|pls|thanks|thank you))?\\W*$"),
            // "remove me from your list", "take my number off"
            Pattern.compile("\\b(remove|take|delete)\\s+" + ME + "\\s+(off|from)\\b"),
            Pattern.compile("\\b(remove|take|delete)\\s+" + ME + "\\W*$"),
            Pattern.compile("\\bunsubscribe\\b"),
            Pattern.compile("\\bopt\\s*-?\\s*(me\\s+)?out\\b"),
            Pattern.compile("\\bno\\s+more\\s+(texts|txts|messages|sms)\\b"),
            Pattern.compile("\\bleave\\s+me\\s+alone\\b"),
            // "please stop", "stop it now!!"
            Pattern.compile("^(please\\s+|pls\\s+)?stop(\\s+(it|now|please|pls|already))*\\W*$"),
    };

    private SmsKeywords() {
    }

    public static Intent classify(String body) {
        String text = body == null ? "" : body.strip();
        String keyword = keyword(text);
        if (OPT_OUT.contains(keyword)) {
            return Intent.OPT_OUT;
        }
        if (OPT_IN.contains(keyword)) {
            return Intent.OPT_IN;
        }
        if (YES.contains(keyword)) {
            return Intent.YES;
        }
        if (HELP.contains(keyword)) {
            return Intent.HELP;
        }
        return isRevocation(text) ? Intent.OPT_OUT : Intent.OTHER;
    }

    /** A rep's answer to an alert that claims the lead: "1", "Y" or "YES" as the whole message. */
    public static boolean isClaim(String body) {
        return body != null && CLAIM.contains(keyword(body.strip()));
    }

    /** The whole message as a carrier keyword: upper case, without trailing spaces, dots and bangs. */
    private static String keyword(String text) {
        return text.replaceAll("[\\s.!]+$", "").toUpperCase(Locale.ROOT);
    }

    static boolean isRevocation(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").strip();
        for (Pattern revocation : REVOCATIONS) {
            if (revocation.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }
}
