package dev.arena.chat;

import java.util.Arrays;
import java.util.List;

/** The text as a sequence of letter units, each knowing its span in the original and what precedes it. */
final class LetterUnits {
    private static final byte GAP_NONE = 0, GAP_JOIN = 1, GAP_SPACE = 2;

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

    static LetterUnits read(String text) {
        LetterUnits u = new LetterUnits();
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
                List<char[]> sets = LetterFolding.fold(cp);
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
            letters = Arrays.copyOf(letters, cap);
            from = Arrays.copyOf(from, cap);
            to = Arrays.copyOf(to, cap);
            soft = Arrays.copyOf(soft, cap);
            gap = Arrays.copyOf(gap, cap);
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
        return soft[s] == soft[s - 1] && Arrays.equals(letters[s], letters[s - 1]) && canCross(s);
    }
}
