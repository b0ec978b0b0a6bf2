package io.leadflow.notifier.sms;

/**
 * How many SMS segments a text costs: GSM-7 fits 160 characters in one segment and 153 per
 * segment when split; a single character outside GSM-7 turns the whole text into UCS-2 (70 / 67).
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    // these cost two characters each (escape + character)
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Length in GSM-7 septets, or in UTF-16 code units when the text needs UCS-2. */
    public static int length(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    public static int count(String text) {
        int length = length(text);
        boolean gsm = isGsm7(text);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return length <= single ? 1 : (length + multi - 1) / multi;
    }
}
