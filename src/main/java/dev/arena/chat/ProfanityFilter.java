package dev.arena.chat;

import dev.arena.common.ArenaException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * code point. The pieces: {@link LetterFolding} (the tables), {@link WordList} (the file reader),
 * {@link WordTrie} (the words and the walk) over {@link LetterUnits} (the text as letters).
 */
public final class ProfanityFilter {
    /** What {@link #apply} does with a message that contains a listed word. */
    public enum Action { MASK, REJECT }

    /** A matched stretch of the original text, in UTF-16 indices [start, end). */
    public record Match(int start, int end) {}

    private final WordTrie words;
    private final Action action;
    private final int size;

    private ProfanityFilter(WordTrie words, Action action, int size) {
        this.words = words;
        this.action = action;
        this.size = size;
    }

    /** The list at {@code path}, or the default list when empty. */
    public static ProfanityFilter load(Optional<Path> path, Action action) {
        return of(WordList.read(path), action);
    }

    public static ProfanityFilter of(List<String> entries, Action action) {
        return new ProfanityFilter(WordTrie.of(entries), action, entries.size());
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
        return words.find(text);
    }

    @Override
    public String toString() {
        return "ProfanityFilter[" + size + " entries, " + action.name().toLowerCase(Locale.ROOT) + "]";
    }
}
