package io.leadflow.bench.load;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic, varied leads: names and phone numbers from several countries (each lead's phone and
 * email unique in the run), real inquiry messages, a consent mix, and a time zone where it is
 * daytime now, so SMS are not deferred to the contact window. Optionally a share of "night" leads
 * (local time 22:00–06:00), which must get no SMS or call.
 */
public final class SampleLeads {

    /** A country with a valid mobile range: the E.164 number is built from a per-lead serial. */
    private record Country(String zone, String callingCode, String prefix, int serialDigits) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("America/New_York", "1", "2122", 6),
            new Country("America/Chicago", "1", "3122", 6),
            new Country("America/Denver", "1", "3032", 6),
            new Country("America/Los_Angeles", "1", "4152", 6),
            new Country("America/Toronto", "1", "4162", 6),
            new Country("America/Vancouver", "1", "6042", 6),
            new Country("America/Sao_Paulo", "55", "119", 8),
            new Country("America/Mexico_City", "52", "55", 8),
            new Country("Europe/London", "44", "7911", 6),
            new Country("Europe/Berlin", "49", "151", 8),
            new Country("Europe/Paris", "33", "6", 8),
            new Country("Europe/Madrid", "34", "6", 8),
            new Country("Asia/Kolkata", "91", "98", 8),
            new Country("Asia/Singapore", "65", "9", 7),
            new Country("Asia/Tokyo", "81", "901", 7),
            new Country("Australia/Sydney", "61", "4", 8),
            new Country("Pacific/Auckland", "64", "21", 7));

    private static final String[] FIRST_NAMES = {"Maria", "James", "Aisha", "Wei", "Olivia", "Mateo", "Priya",
            "Liam", "Sofia", "Noah", "Hannah", "Yuki", "Fatima", "Lucas", "Chloé", "Arjun", "Emma", "Diego",
            "Ines", "Kwame", "Zoë", "Oliver", "Amelia", "Jonas", "Léa", "Ravi", "Grace", "Tomás", "Mia", "Ethan"};
    private static final String[] LAST_NAMES = {"Lopez", "Smith", "Khan", "Chen", "Johnson", "García", "Patel",
            "Müller", "Rossi", "Nguyen", "O'Brien", "Tanaka", "Haddad", "Silva", "Dubois", "Sharma", "Brown",
            "Fernández", "Okafor", "Novak", "Kowalski", "Andersson", "Walker", "Schmidt", "Moreau", "Iyer"};
    private static final String[] MESSAGES = {
            "We are relocating in June and want a 3-bedroom near good schools",
            "Is the model home open this weekend? We'd like to see the kitchen layout.",
            "Looking for a single-storey home, my mother will live with us",
            "What are the HOA fees in this community?",
            "First-time buyers, pre-approved up to 450k. Can we get a tour?",
            "Do you have anything with a home office and a bigger yard for the dog?",
            "We saw the ad for the new phase. When do lots go on sale?",
            "Need to move before the school year starts, is quick move-in possible?",
            "Can I get pricing for the 4 bedroom plan with a 3-car garage?",
            "Interested, but we still need to sell our current home first.",
            "",
    };
    private static final String[] COMMUNITIES = {"Oak Ridge", "Willow Creek", "Harbor Point", "Maple Grove", "Sunset Hills"};
    private static final String[] HOME_SIZES = {"2 bedrooms", "3 bedrooms", "4 bedrooms", "5+ bedrooms"};
    private static final String[] BUDGETS = {"$300k", "$450k", "$600k", "$850k", "under $1M"};
    private static final String[] TIMELINES = {"this month", "June", "3 months", "this year", "just looking"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    private final SplittableRandom random;
    private final double nightShare;
    private final List<Country> daytime = new ArrayList<>();
    private final List<Country> night = new ArrayList<>();
    private int serial;

    /**
     * @param nightShare share of leads whose local time is 22:00–06:00 (0 for a benchmark)
     * @param now        decides which countries are in daytime (09:00–19:00) or night
     */
    public SampleLeads(long seed, double nightShare, Instant now) {
        this.random = new SplittableRandom(seed);
        this.nightShare = nightShare;
        for (Country country : COUNTRIES) {
            int hour = now.atZone(ZoneId.of(country.zone())).getHour();
            if (hour >= 9 && hour < 19) {
                daytime.add(country);
            } else if (hour >= 22 || hour < 6) {
                night.add(country);
            }
        }
        if (daytime.isEmpty()) {
            throw new IllegalStateException("No sample country is in daytime now");
        }
    }

    /** The countries in daytime now, by time zone (printed in the report). */
    public List<String> daytimeZones() {
        return daytime.stream().map(Country::zone).toList();
    }

    public GeneratedLead next() {
        int n = serial++;
        boolean nightLead = !night.isEmpty() && random.nextDouble() < nightShare;
        Country country = pick(nightLead ? night : daytime);
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        String phoneE164 = phone(country, n);
        String email = (ascii(first) + "." + ascii(last) + "." + n + "@" + pick(EMAIL_DOMAINS)).toLowerCase(Locale.ROOT);
        // 70 % consent to both, 15 % email only, 10 % SMS and no email address, 5 % SMS and an email without consent
        double consentDraw = random.nextDouble();
        boolean smsConsent = consentDraw < 0.70 || consentDraw >= 0.85;
        boolean hasEmail = consentDraw < 0.85 || consentDraw >= 0.95;
        boolean emailConsent = consentDraw < 0.85;

        Map<String, Object> body = new LinkedHashMap<>();
        if (random.nextInt(5) == 0) {
            body.put("fullName", first + " " + last);
        } else {
            body.put("firstName", first);
            body.put("lastName", last);
        }
        if (hasEmail) {
            body.put("email", random.nextInt(4) == 0 ? email.toUpperCase(Locale.ROOT) : email);
        }
        body.put("phone", rawPhone(country, phoneE164));
        String message = pick(MESSAGES);
        if (!message.isEmpty()) {
            body.put("message", message);
        }
        body.put("timeZone", country.zone());
        Map<String, Object> interest = new LinkedHashMap<>();
        interest.put("community", pick(COMMUNITIES));
        interest.put("homeSize", pick(HOME_SIZES));
        interest.put("budget", pick(BUDGETS));
        interest.put("timeline", pick(TIMELINES));
        body.put("interest", interest);
        body.put("utm", Map.of("utm_source", pick(new String[] {"google", "facebook", "zillow", "website"})));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("sms", smsConsent);
        consent.put("email", emailConsent);
        consent.put("text", "I agree to receive texts and emails about my inquiry");
        consent.put("pageUrl", "https://homes.example.com/" + interest.get("community").toString().toLowerCase(Locale.ROOT).replace(' ', '-'));
        body.put("consent", consent);
        return new GeneratedLead(n, body, phoneE164, hasEmail ? email : null, smsConsent, emailConsent,
                country.zone(), nightLead);
    }

    /** The lead's serial in the last digits keeps every number of a run unique. */
    private static String phone(Country country, int n) {
        String serialDigits = String.format(Locale.ROOT, "%0" + country.serialDigits() + "d", n);
        return "+" + country.callingCode() + country.prefix() + serialDigits.substring(serialDigits.length() - country.serialDigits());
    }

    /** How a person types it: national formatting for North America, international with spaces elsewhere. */
    private String rawPhone(Country country, String e164) {
        String national = e164.substring(1 + country.callingCode().length());
        if (country.callingCode().equals("1")) {
            return switch (random.nextInt(3)) {
                case 0 -> "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6);
                case 1 -> national.substring(0, 3) + "." + national.substring(3, 6) + "." + national.substring(6);
                default -> e164;
            };
        }
        return random.nextBoolean() ? e164 : "+" + country.callingCode() + " " + national.substring(0, 3) + " " + national.substring(3);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }
}
