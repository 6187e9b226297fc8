package dev.arena.chat;

import dev.arena.common.ArenaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds listed words in chat text, including their common disguises, and masks or rejects them.
 * Pure and immutable: one instance serves every event loop.
 *
 * <p>How text is read (see docs/CHAT.md for the reasoning):
 * <ul>
 *   <li>Letters are lower-cased, accents dropped ("fück"), compatibility forms folded ("ｆｕｃｋ") and a few
 *       Cyrillic/Greek look-alikes mapped to Latin. Invisible format characters (zero-width space, soft hyphen)
 *       are skipped as if absent.</li>
 *   <li>Digits and some symbols stand for letters (l33t): 0→o, 1→i/l, 2→z, 3→e, 4→a, 5→s, 6→g/b, 7→t, 8→b,
 *       9→g, @→a, $→s, !→i, |→i/l, +→t, (→c, €→e, ¢→c. They are "soft" letters: a run of them at the edge of
 *       a word may also be ignored ("shit!!" and "1fuck" still match), and a match needs at least one real
 *       letter, so plain numbers ("455") never match.</li>
 *   <li>A listed letter may be repeated: "fuuuck" matches "fuck", "asss" matches "ass", but "as" does not
 *       match "ass" (a double letter in the list needs at least two in the text).</li>
 *   <li>Other punctuation inside a word joins its pieces ("f.u.c.k", "sh-it", "fu_ck"); whitespace separates
 *       words, except between single letters ("f u c k"), which are read as one spaced-out word.</li>
 *   <li>An entry matches whole words only unless it carries a {@code *} (see the default list,
 *       {@code chat/profanity.txt}): this is what keeps "class", "Scunthorpe" and "shiitake" clean.</li>
 * </ul>
 * A match is masked by replacing every character from its first to its last letter with {@code *}, one per
 * code point.
 */
public final class ProfanityFilter {
    /** What {@link #apply} does with a message that contains a listed word. */
    public enum Action { MASK, REJECT }

    /** A matched stretch of the original text, in UTF-16 indices [start, end). */
    public record Match(int start, int end) {}

    public static final String DEFAULT_LIST = "chat/profanity.txt";

    private static final Pattern ENTRY = Pattern.compile("\\*?\\p{L}{2,}\\*?");
    private static final int WHOLE = 1, ANY_START = 2, ANY_END = 4, ANYWHERE = 8;
    private static final byte GAP_NONE = 0, GAP_JOIN = 1, GAP_SPACE = 2;

    private static final Map<Integer, char[]> LEET = new HashMap<>();
    private static final Map<Integer, Character> LOOKALIKES = new HashMap<>();

    static {
        leet("0", "o");
        leet("1", "il");
        leet("2", "z");
        leet("3", "e");
        leet("4", "a");
        leet("5", "s");
        leet("6", "gb");
        leet("7", "t");
        leet("8", "b");
        leet("9", "g");
        leet("@", "a");
        leet("$", "s");
        leet("!", "i");
        leet("|", "il");
        leet("+", "t");
        leet("(", "c");
        leet("€", "e");
        leet("¢", "c");
        // Cyrillic and Greek lower-case letters that look like Latin ones.
        lookalikes("\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u043a\u043c\u043d\u0442\u0456\u0458\u0455\u0501\u0432",
                "aeopcyxkmhtijsdb"); // Cyrillic а е о р с у х к м н т і ј ѕ ԁ в
        lookalikes("\u03b1\u03bf\u03c1\u03b9\u03ba\u03bd\u03c4\u03c5\u03c7\u03b5", "aopikvtuxe"); // Greek α ο ρ ι κ ν τ υ χ ε
        lookalikes("\u0261", "g"); // Latin script g
    }

    /** {@link #fold} of the ASCII range, computed once: chat is mostly ASCII and this is the hot path. */
    @SuppressWarnings("unchecked")
    private static final List<char[]>[] ASCII = new List[128];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = foldSlow(c);
        }
    }

    private static void lookalikes(String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("look-alike table is misaligned");
        }
        for (int i = 0; i < from.length(); i++) {
            LOOKALIKES.put((int) from.charAt(i), to.charAt(i));
        }
    }

    private static void leet(String symbol, String letters) {
        LEET.put(symbol.codePointAt(0), letters.toCharArray());
    }

    /** Every entry; walked from the starts of words. */
    private final Node root;
    /** Only the entries with a leading '*'; walked from inside words (usually a handful, so this is cheap). */
    private final Node midRoot;
    private final Action action;
    private final int size;

    private ProfanityFilter(Node root, Node midRoot, Action action, int size) {
        this.root = root;
        this.midRoot = midRoot;
        this.action = action;
        this.size = size;
    }

    /** The list at {@code path}, or the default list when empty. */
    public static ProfanityFilter load(Optional<Path> path, Action action) {
        if (path.isPresent()) {
            try {
                return of(parse(Files.readString(path.get(), StandardCharsets.UTF_8), path.get().toString()), action);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the chat word list " + path.get(), e);
            }
        }
        try (InputStream in = ProfanityFilter.class.getClassLoader().getResourceAsStream(DEFAULT_LIST)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_LIST + " is missing from the classpath");
            }
            return of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_LIST), action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of a word-list file: one per line, {@code #} comments and blank lines skipped. Fails with
     * every bad line at once (an operator fixing the file should not have to restart once per typo).
     */
    public static List<String> parse(String text, String source) {
        List<String> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(entry).matches()) {
                problems.add("line " + (i + 1) + ": '" + entry
                        + "' must be at least two letters, optionally with a leading and/or trailing '*'");
            } else {
                entries.add(entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bad chat word list " + source + ": " + String.join("; ", problems));
        }
        return entries;
    }

    public static ProfanityFilter of(List<String> entries, Action action) {
        Node root = new Node((char) 0);
        Node midRoot = new Node((char) 0);
        for (String raw : entries) {
            boolean start = raw.startsWith("*");
            boolean end = raw.endsWith("*") && raw.length() > 1;
            String word = raw.substring(start ? 1 : 0, raw.length() - (end ? 1 : 0));
            StringBuilder letters = new StringBuilder();
            word.codePoints().forEach(cp -> {
                for (char[] set : fold(cp)) {
                    letters.append(set[0]);
                }
            });
            if (letters.length() < 2) {
                throw new IllegalArgumentException("chat word list entry '" + raw + "' has fewer than two letters");
            }
            int accepts = start && end ? ANYWHERE : start ? ANY_START : end ? ANY_END : WHOLE;
            insert(root, letters, accepts);
            if (start) {
                insert(midRoot, letters, accepts);
            }
        }
        return new ProfanityFilter(root, midRoot, action, entries.size());
    }

    private static void insert(Node root, CharSequence letters, int accepts) {
        Node n = root;
        for (int i = 0; i < letters.length(); i++) {
            n = n.children.computeIfAbsent(letters.charAt(i), Node::new);
        }
        n.accepts |= accepts;
    }

    public Action action() {
        return action;
    }

    /** How many entries the list has (logged at start). */
    public int size() {
        return size;
    }

    /**
     * The text to store: unchanged when clean; when not, masked, or refused with
     * {@link ArenaException.Rejected} code {@code filtered} under {@link Action#REJECT}.
     */
    public String apply(String text) {
        List<Match> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        if (action == Action.REJECT) {
            throw new ArenaException.Rejected("filtered", "the message contains a word that is not allowed in chat");
        }
        return mask(text, found);
    }

    public boolean matches(String text) {
        return !find(text).isEmpty();
    }

    public String mask(String text) {
        return mask(text, find(text));
    }

    private static String mask(String text, List<Match> found) {
        if (found.isEmpty()) {
            return text;
        }
        boolean[] hidden = new boolean[text.length()];
        for (Match m : found) {
            for (int i = m.start(); i < m.end(); i++) {
                hidden[i] = true;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (hidden[i]) {
                out.append('*');
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Every match, in the order of their starts (they may overlap). */
    public List<Match> find(String text) {
        Units u = Units.read(text);
        List<Match> found = new ArrayList<>();
        List<Node> active = new ArrayList<>(4);
        List<Node> next = new ArrayList<>(4);
        for (int s = 0; s < u.n; s++) {
            boolean startOk = u.startBoundary(s);
            if (s > 0 && u.repeatsPrevious(s) && (u.startBoundary(s - 1) || !startOk)) {
                // The walk from s-1 reads this letter as a repeat, so it reaches everything a walk from here
                // would, with a wider span. Skipping keeps a long run ("aaaa…", "a a a …") linear, not quadratic.
                continue;
            }
            Node from = startOk ? root : midRoot;
            if (from.children.isEmpty()) {
                continue;
            }
            active.clear();
            active.add(from);
            boolean hard = false;
            for (int i = s; i < u.n; i++) {
                if (i > s && !u.canCross(i)) {
                    break;
                }
                next.clear();
                for (Node node : active) {
                    for (char c : u.letters[i]) {
                        Node child = node.children.get(c);
                        if (child != null && !next.contains(child)) {
                            next.add(child);
                        }
                        // a repeated letter stays on the node it reached ("fuuuck")
                        if (node != from && node.letter == c && !next.contains(node)) {
                            next.add(node);
                        }
                    }
                }
                if (next.isEmpty()) {
                    break;
                }
                List<Node> t = active;
                active = next;
                next = t;
                hard |= !u.soft[i];
                if (!hard) {
                    continue;
                }
                boolean endOk = u.endBoundary(i + 1);
                for (Node node : active) {
                    if (accepts(node.accepts, startOk, endOk)) {
                        found.add(new Match(u.from[s], u.to[i]));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static boolean accepts(int accepts, boolean startOk, boolean endOk) {
        return (accepts & ANYWHERE) != 0
                || (accepts & WHOLE) != 0 && startOk && endOk
                || (accepts & ANY_START) != 0 && endOk
                || (accepts & ANY_END) != 0 && startOk;
    }

    /**
     * One code point folded to its letters: none for a mark or an unknown symbol, one set per letter
     * otherwise (a compatibility character like "ﬁ" gives two), each set holding the letters it may stand for.
     */
    static List<char[]> fold(int cp) {
        if (cp < ASCII.length) {
            return ASCII[cp];
        }
        return foldSlow(cp);
    }

    private static List<char[]> foldSlow(int cp) {
        char[] leet = LEET.get(cp);
        if (leet != null) {
            return List.of(leet);
        }
        if (!Character.isLetter(cp)) {
            return List.of();
        }
        int lower = Character.toLowerCase(cp);
        Character look = LOOKALIKES.get(lower);
        if (look != null) {
            return List.<char[]>of(new char[] {look});
        }
        String decomposed = Normalizer.normalize(Character.toString(lower), Normalizer.Form.NFKD);
        List<char[]> out = new ArrayList<>(1);
        decomposed.codePoints().forEach(c -> {
            if (Character.isLetter(c) && Character.isBmpCodePoint(c)) {
                int l = Character.toLowerCase(c);
                Character la = LOOKALIKES.get(l);
                out.add(new char[] {la != null ? la : (char) l});
            }
        });
        return out;
    }

    /** The text as a sequence of letter units, each knowing its span in the original and what precedes it. */
    private static final class Units {
        int n;
        char[][] letters;
        int[] from;
        int[] to;
        boolean[] soft;
        byte[] gap;
        /** Index of the first and one past the last unit of each unit's part (a run without gaps). */
        int[] partStart;
        int[] partEnd;
        /** Whether a unit's part is a single letter, not counting soft letters at its edges ("k!" is). */
        boolean[] single;
        /** Whether every unit of the part before this one is soft ("1fuck": true at "f"). */
        boolean[] softBefore;
        /** Whether this unit and every later one of its part are soft ("shit!!": true at the first "!"). */
        boolean[] softFrom;

        static Units read(String text) {
            Units u = new Units();
            int cap = text.length() + 1;
            u.letters = new char[cap][];
            u.from = new int[cap];
            u.to = new int[cap];
            u.soft = new boolean[cap];
            u.gap = new byte[cap];
            byte pending = GAP_SPACE;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int end = i + Character.charCount(cp);
                int type = Character.getType(cp);
                if (type == Character.FORMAT) {
                    // invisible: as if absent
                } else if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.COMBINING_SPACING_MARK) {
                    if (u.n > 0 && pending == GAP_NONE) {
                        u.to[u.n - 1] = end; // an accent typed as its own code point belongs to its letter
                    }
                } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    pending = GAP_SPACE;
                } else {
                    List<char[]> sets = fold(cp);
                    if (sets.isEmpty()) {
                        if (pending == GAP_NONE) {
                            pending = GAP_JOIN;
                        }
                    } else {
                        boolean soft = !Character.isLetter(cp);
                        for (char[] set : sets) {
                            u.add(set, i, end, soft, pending);
                            pending = GAP_NONE;
                        }
                    }
                }
                i = end;
            }
            u.partStart = new int[u.n];
            u.partEnd = new int[u.n];
            u.single = new boolean[u.n];
            u.softBefore = new boolean[u.n];
            u.softFrom = new boolean[u.n];
            for (int i = 0; i < u.n; ) {
                int j = i + 1;
                while (j < u.n && u.gap[j] == GAP_NONE) {
                    j++;
                }
                int coreStart = i;
                int coreEnd = j;
                while (coreStart < coreEnd && u.soft[coreStart]) {
                    coreStart++;
                }
                while (coreEnd > coreStart && u.soft[coreEnd - 1]) {
                    coreEnd--;
                }
                if (coreStart == j) {
                    coreEnd = i; // all soft: every position is an edge
                }
                boolean single = j - i == 1 || coreEnd - coreStart <= 1;
                for (int k = i; k < j; k++) {
                    u.partStart[k] = i;
                    u.partEnd[k] = j;
                    u.single[k] = single;
                    u.softBefore[k] = k <= coreStart;
                    u.softFrom[k] = k >= coreEnd;
                }
                i = j;
            }
            return u;
        }

        private void add(char[] set, int start, int end, boolean isSoft, byte gapBefore) {
            if (n == letters.length) {
                int cap = n * 2;
                letters = java.util.Arrays.copyOf(letters, cap);
                from = java.util.Arrays.copyOf(from, cap);
                to = java.util.Arrays.copyOf(to, cap);
                soft = java.util.Arrays.copyOf(soft, cap);
                gap = java.util.Arrays.copyOf(gap, cap);
            }
            letters[n] = set;
            from[n] = start;
            to[n] = end;
            soft[n] = isSoft;
            gap[n] = gapBefore;
            n++;
        }

        /** May a match continue from unit i-1 into unit i? Within a word yes; across spaces only letter by letter. */
        boolean canCross(int i) {
            return switch (gap[i]) {
                case GAP_NONE, GAP_JOIN -> true;
                default -> single[i - 1] && single[i];
            };
        }

        /** Does a word start at unit s? At a gap, or after nothing but soft letters of its part ("1fuck"). */
        boolean startBoundary(int s) {
            return softBefore[s];
        }

        /** Does a word end before unit e? At a gap or the end, or before nothing but soft letters ("shit!!"). */
        boolean endBoundary(int e) {
            return e >= n || gap[e] != GAP_NONE || softFrom[e];
        }

        /** Is unit s the same letter as unit s-1, reachable from it, and of the same kind (soft or not)? */
        boolean repeatsPrevious(int s) {
            return soft[s] == soft[s - 1] && java.util.Arrays.equals(letters[s], letters[s - 1]) && canCross(s);
        }
    }

    private static final class Node {
        final char letter;
        final Map<Character, Node> children = new HashMap<>(4);
        int accepts;

        Node(char letter) {
            this.letter = letter;
        }
    }

    @Override
    public String toString() {
        return "ProfanityFilter[" + size + " entries, " + action.name().toLowerCase(Locale.ROOT) + "]";
    }
}
