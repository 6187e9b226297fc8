package dev.arena.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the common shape of a log line by hand, without a general JSON parser: one pass over the bytes, the known
 * fields taken straight from them, everything else validated and skipped. It only ever says yes or "not sure":
 * whenever a line has something it does not handle (a backslash escape or a non-ASCII byte in a known field, a
 * non-ASCII byte anywhere, an exponent, deep nesting, a control character, any broken rule or invalid JSON) it
 * returns null and {@link LineParser} reads the line with Jackson, which decides and gives the reason. So the
 * accepted language and every bad line's reason stay exactly what they were; this class only has to be right about
 * the lines it accepts, which {@code FieldScannerTest} checks against Jackson's reading.
 * Not thread-safe: one per parser.
 */
final class FieldScanner {
    /** Nesting the scanner follows inside unknown fields and {@code data} (deeper: Jackson decides). */
    private static final int MAX_DEPTH = 16;
    /** Jackson's client limits (common.Json): longer names and numbers are left to it. */
    private static final int MAX_NAME = 1024;
    private static final int MAX_NUMBER = 100;

    private final StringCache ids;
    private final Timestamps times = new Timestamps();
    private byte[] b;
    private int i;
    private int end;
    /** The last string read by {@link #plainString()}: bytes {@code [start, stop)}. */
    private int start;
    private int stop;
    /** Set by {@link #value()}: the number read, or NaN when the scanner is not sure. */
    private double number;

    FieldScanner(StringCache ids) {
        this.ids = ids;
    }

    /** The line's event, or null when the scanner is not sure (the caller then parses it with Jackson). */
    LogEvent scan(byte[] buf, int off, int len) {
        b = buf;
        i = off;
        end = off + len;
        int tsStart = -1;
        int tsStop = -1;
        String gameId = null;
        String mode = null;
        String playerId = null;
        String type = null;
        double value = 1;
        String data = null;
        ws();
        if (!eat('{')) {
            return null;
        }
        ws();
        do {
            ws();
            if (!plainString() || stop - start > MAX_NAME) {
                return null;
            }
            int name = start;
            int nameLength = stop - start;
            ws();
            if (!eat(':')) {
                return null;
            }
            ws();
            switch (field(name, nameLength)) {
                case 't' -> {
                    if (!plainString()) {
                        return null;
                    }
                    tsStart = start;
                    tsStop = stop;
                }
                case 'g', 'm', 'p', 'y' -> {
                    if (!plainString()) {
                        return null;
                    }
                    String s = ids.get(b, start, stop - start);
                    switch (field(name, nameLength)) {
                        case 'g' -> gameId = s;
                        case 'm' -> mode = s;
                        case 'p' -> playerId = s;
                        default -> type = s;
                    }
                }
                case 'v' -> {
                    if (!value() || Double.isNaN(number)) {
                        return null;
                    }
                    value = number;
                }
                case 'd' -> {
                    if (i < end && b[i] == 'n') {
                        if (!literal("null")) {
                            return null;
                        }
                        data = null;
                    } else {
                        int from = i;
                        if (i >= end || b[i] != '{' || !skip(0) || i - from > LineParser.MAX_DATA_BYTES) {
                            return null;
                        }
                        data = new String(b, from, i - from, StandardCharsets.ISO_8859_1); // ASCII only here
                        if (data.contains("\\u0000")) {
                            return null;
                        }
                    }
                }
                default -> {
                    if (!skip(0)) {
                        return null;
                    }
                }
            }
            ws();
        } while (eat(','));
        if (!eat('}')) {
            return null;
        }
        ws();
        if (i != end || tsStart < 0 || gameId == null || mode == null || playerId == null || type == null
                || !sized(gameId, 64) || !sized(mode, 32) || !sized(playerId, 64) || !LineParser.isType(type)) {
            return null;
        }
        Instant ts = times.read(b, tsStart, tsStop - tsStart);
        if (ts == null) {
            try {
                ts = Timestamps.parse(new String(b, tsStart, tsStop - tsStart, StandardCharsets.ISO_8859_1));
            } catch (BadLine e) {
                return null; // Jackson's reading gives the same reason
            }
        }
        return new LogEvent(ts, gameId, mode, playerId, type, value, data);
    }

    /** Which known field a name is ('t', 'g', 'm', 'p', 'y' for type, 'v', 'd'), or 0. */
    private char field(int at, int len) {
        return switch (len) {
            case 2 -> is(at, "ts") ? 't' : 0;
            case 4 -> is(at, "mode") ? 'm' : is(at, "type") ? 'y' : is(at, "data") ? 'd' : 0;
            case 5 -> is(at, "value") ? 'v' : 0;
            case 7 -> is(at, "game_id") ? 'g' : 0;
            case 9 -> is(at, "player_id") ? 'p' : 0;
            default -> 0;
        };
    }

    private boolean is(int at, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (b[at + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sized(String s, int max) {
        return !s.isEmpty() && s.length() <= max; // ASCII: one character per byte
    }

    private void ws() {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
    }

    private boolean eat(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    /** A string of printable ASCII without escapes; its bytes are {@code [start, stop)}. */
    private boolean plainString() {
        if (!eat('"')) {
            return false;
        }
        start = i;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                stop = i++;
                return true;
            }
            if (c < 0x20 || c == '\\') { // control characters, escapes and (as negative bytes) non-ASCII
                return false;
            }
            i++;
        }
        return false;
    }

    /** Any JSON string of ASCII, with valid escapes. */
    private boolean skipString() {
        if (!eat('"')) {
            return false;
        }
        while (i < end) {
            byte c = b[i++];
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (i >= end) {
                    return false;
                }
                byte e = b[i++];
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (i >= end || Character.digit(b[i++], 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Skips one JSON value (validating it), at nesting {@code depth}. */
    private boolean skip(int depth) {
        if (i >= end || depth > MAX_DEPTH) {
            return false;
        }
        return switch (b[i]) {
            case '"' -> skipString();
            case '{' -> container('}', depth, true);
            case '[' -> container(']', depth, false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> value();
        };
    }

    private boolean container(char close, int depth, boolean object) {
        i++;
        ws();
        if (eat(close)) {
            return true;
        }
        do {
            ws();
            if (object) {
                int name = i;
                if (!skipString() || i - name - 2 > MAX_NAME) {
                    return false;
                }
                ws();
                if (!eat(':')) {
                    return false;
                }
                ws();
            }
            if (!skip(depth + 1)) {
                return false;
            }
            ws();
        } while (eat(','));
        return eat(close);
    }

    private boolean literal(String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        return true;
    }

    /**
     * A JSON number ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}); false if the text is not one.
     * {@link #number} gets its value as Jackson's {@code getDoubleValue()} gives it, or NaN for the shapes left to
     * Jackson (exponents, more than 18 integer digits, {@code -0}); false too when longer than Jackson's limit.
     */
    private boolean value() {
        int from = i;
        boolean negative = eat('-');
        int digits = i;
        if (eat('0')) {
            if (i < end && isDigit(b[i])) {
                return false;
            }
        } else if (i < end && b[i] >= '1' && b[i] <= '9') {
            while (i < end && isDigit(b[i])) {
                i++;
            }
        } else {
            return false;
        }
        int intEnd = i;
        boolean fraction = false;
        boolean exponent = false;
        if (eat('.')) {
            fraction = true;
            if (!digitsFollow()) {
                return false;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            exponent = true;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (!digitsFollow()) {
                return false;
            }
        }
        if (i - from > MAX_NUMBER) {
            return false; // Jackson refuses it (its limit)
        }
        number = Double.NaN;
        if (exponent) {
            return true;
        }
        if (fraction) {
            number = Double.parseDouble(new String(b, from, i - from, StandardCharsets.ISO_8859_1));
        } else if (intEnd - digits <= 18) {
            long v = 0;
            for (int k = digits; k < intEnd; k++) {
                v = v * 10 + (b[k] - '0');
            }
            if (!(negative && v == 0)) {
                number = negative ? -v : v;
            }
        }
        return true;
    }

    private boolean digitsFollow() {
        int from = i;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i > from;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
