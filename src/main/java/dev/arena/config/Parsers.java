package dev.arena.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ways a configuration value is read; each refuses bad text with a message for the problem list. */
final class Parsers {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private Parsers() {}

    /** Any text but the empty one (an empty host or directory must not quietly mean "all" or "here"). */
    static Function<String, String> nonEmpty() {
        return s -> {
            if (s.isEmpty()) {
                throw new ConfigKey.Refusal("must not be empty");
            }
            return s;
        };
    }

    /** Empty means unset; anything else must parse. */
    static <T> Function<String, Optional<T>> optional(Function<String, T> f) {
        return s -> s.isEmpty() ? Optional.empty() : Optional.of(f.apply(s));
    }

    static Function<String, Integer> integer(int min, int max) {
        return s -> {
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return n;
        };
    }

    static Function<String, Duration> duration() {
        return Parsers::duration;
    }

    /** A duration of at least {@code min}; the refusal says why ({@code because}, may be empty). */
    static Function<String, Duration> durationAtLeast(Duration min, String shown, String because) {
        return s -> {
            Duration d = duration(s);
            if (d.compareTo(min) < 0) {
                throw new ConfigKey.Refusal("must be at least " + shown + because);
            }
            return d;
        };
    }

    static Function<String, Long> bytes() {
        return Parsers::bytes;
    }

    /** One of {@code allowed}, case-insensitive, returned in lower case. */
    static Function<String, String> oneOf(String... allowed) {
        return s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(v)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
            }
            return v;
        };
    }

    /** Comma-separated, blanks dropped. */
    static Function<String, List<String>> commaList() {
        return s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static Duration duration(String s) {
        Matcher mm = DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!mm.matches()) {
            throw new IllegalArgumentException("not a duration (use e.g. 500ms, 30s, 15m, 2h, 30d)");
        }
        String unit = mm.group(2) == null ? "s" : mm.group(2);
        Duration d;
        try {
            long n = Long.parseLong(mm.group(1));
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large");
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("must be greater than zero");
        }
        return d;
    }

    static long bytes(String s) {
        Matcher mm = BYTES.matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!mm.matches()) {
            throw new IllegalArgumentException("not a size (use e.g. 65536, 64KiB, 1MiB)");
        }
        String unit = mm.group(2) == null ? "b" : mm.group(2);
        long v;
        try {
            long n = Long.parseLong(mm.group(1));
            v = switch (unit) {
                case "kb", "kib" -> Math.multiplyExact(n, 1024L);
                case "mb", "mib" -> Math.multiplyExact(n, 1024L * 1024);
                case "gb", "gib" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
                default -> n;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large"); // rather than a silently wrapped-around size
        }
        if (v < 1024) {
            throw new IllegalArgumentException("must be at least 1KiB");
        }
        return v;
    }
}
