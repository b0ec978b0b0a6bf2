package io.leadflow.localstack;

import java.time.Instant;
import java.time.ZoneOffset;

/** For sample and test leads: an IANA zone where it is about midday now, so the contact window is open. */
public final class MiddayZone {

    private MiddayZone() {
    }

    /** {@code Etc/GMT+N} is N hours behind UTC (the sign is POSIX's, inverted). */
    public static String now() {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int hoursBehindUtc = -(Math.floorMod(12 - utcHour + 12, 24) - 12);
        return hoursBehindUtc == 0 ? "Etc/GMT" : "Etc/GMT" + (hoursBehindUtc > 0 ? "+" : "") + hoursBehindUtc;
    }
}
