package dev.arena.chat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one code point is read as letters (docs/CHAT.md): lower-cased, accents dropped, compatibility forms
 * folded, Cyrillic/Greek look-alikes mapped to Latin, and l33t digits and symbols read as the letters they may
 * stand for.
 */
final class LetterFolding {
    private LetterFolding() {}

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
}
