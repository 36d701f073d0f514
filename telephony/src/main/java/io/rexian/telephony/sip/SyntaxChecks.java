package io.rexian.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What RFC 3261's grammar forbids in a request but the NIST parser lets through (RFC 4475's
 * torture cases): looked for in the raw text, because the parser silently keeps the first of two
 * Call-IDs, reads past spaces in a To URI and the like, which would let a broken request create a
 * call. Responses are not checked: a broken one is simply not matched to anything.
 */
final class SyntaxChecks {

    private SyntaxChecks() {
    }

    /** Headers a request may carry once only (RFC 3261 7.3.1 and 20). */
    private static final Set<String> SINGLE = Set.of("call-id", "from", "to", "cseq", "max-forwards", "content-length",
            "content-type");
    private static final Set<String> REQUIRED = Set.of("call-id", "from", "to", "cseq");
    private static final Map<String, String> COMPACT = Map.of("i", "call-id", "f", "from", "t", "to", "l", "content-length",
            "c", "content-type", "v", "via", "m", "contact");
    private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");
    private static final Pattern VERSION = Pattern.compile("(?i)SIP/[0-9]+\\.[0-9]+");
    // RFC 3261 tokens, plus any non-ASCII octet: phones here send Chinese names unquoted (UTF-8),
    // which harms nothing, while ASCII separators (",", "@", ...) unquoted are what RFC 4475 refuses.
    private static final Pattern TOKENS = Pattern.compile(
            "[A-Za-z0-9\\-.!%*_+`'~\\u0080-\\u00ff]+([ \\t]+[A-Za-z0-9\\-.!%*_+`'~\\u0080-\\u00ff]+)*");

    /** The first defect of a request, or empty for a response or a request without any. */
    static Optional<Defect> of(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].startsWith("SIP/")) {
            return Optional.empty();
        }
        Optional<Defect> start = requestLine(lines[0]);
        if (start.isPresent()) {
            return start;
        }
        return headers(lines);
    }

    private static Optional<Defect> requestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Defect.bad("Malformed Request-Line");
        }
        if (!parts[2].equals("SIP/2.0")) {
            return VERSION.matcher(parts[2]).matches() && !parts[2].equalsIgnoreCase("SIP/2.0")
                    ? Optional.of(new Defect(505, "Version Not Supported"))
                    : Defect.bad("Malformed Request-Line");
        }
        String uri = parts[1];
        int colon = uri.indexOf(':');
        if (uri.startsWith("<") || colon <= 0) {
            return Defect.bad("Malformed Request-URI");
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of(new Defect(416, "Unsupported URI Scheme"));
        }
        if (!scheme.equals("tel") && uri.indexOf('?') >= 0) {
            return Defect.bad("Headers not allowed in Request-URI"); // RFC 3261 19.1.1: headers only in other URIs
        }
        return Optional.empty();
    }

    private static Optional<Defect> headers(String[] lines) {
        Map<String, Integer> counts = new HashMap<>();
        boolean via = false;
        for (int i = 1; i < lines.length; i++) {
            StringBuilder value = new StringBuilder();
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue; // the parser's business (it answers 400 or drops)
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            value.append(lines[i], colon + 1, lines[i].length());
            while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                value.append(' ').append(lines[++i].trim());
            }
            via |= name.equals("via");
            int count = counts.merge(name, 1, Integer::sum);
            if (count > 1 && SINGLE.contains(name)) {
                return Defect.bad("Duplicate " + displayName(name) + " header");
            }
            if ((name.equals("from") || name.equals("to")) && !isAddress(value.toString().trim())) {
                return Defect.bad("Malformed " + displayName(name) + " header");
            }
        }
        if (!via) {
            return Optional.empty(); // nowhere to send an answer: the stack drops it
        }
        for (String required : REQUIRED) {
            if (!counts.containsKey(required)) {
                return Defect.bad("Missing " + displayName(required) + " header");
            }
        }
        return Optional.empty();
    }

    /** name-addr ({@code "Display" <uri>} or {@code token token <uri>}) or a bare addr-spec without spaces, then params. */
    static boolean isAddress(String value) {
        int open = value.indexOf('<');
        if (open < 0) {
            int params = value.indexOf(';');
            String spec = params < 0 ? value : value.substring(0, params);
            return !spec.isBlank() && spec.trim().chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"');
        }
        String display = value.substring(0, open).trim();
        if (value.indexOf('>', open) < 0) {
            return false;
        }
        if (display.isEmpty()) {
            return true;
        }
        if (display.charAt(0) == '"') {
            return closingQuote(display) == display.length() - 1;
        }
        return TOKENS.matcher(display).matches();
    }

    /** Index of the quote closing the quoted-string that starts at 0, honouring backslash escapes; -1 if none. */
    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String displayName(String name) {
        return switch (name) {
            case "call-id" -> "Call-ID";
            case "cseq" -> "CSeq";
            default -> {
                StringBuilder b = new StringBuilder(name.length());
                boolean upper = true;
                for (char c : name.toCharArray()) {
                    b.append(upper ? Character.toUpperCase(c) : c);
                    upper = c == '-';
                }
                yield b.toString();
            }
        };
    }
}
