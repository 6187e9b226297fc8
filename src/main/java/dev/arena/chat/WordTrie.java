package dev.arena.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listed words as a trie of folded letters, and the walk that finds them in text read as {@link LetterUnits}
 * (repeated letters, l33t alternatives, word boundaries: docs/CHAT.md). Immutable once built.
 */
final class WordTrie {
    private static final int WHOLE = 1, ANY_START = 2, ANY_END = 4, ANYWHERE = 8;

    /** Every entry; walked from the starts of words. */
    private final Node root;
    /** Only the entries with a leading '*'; walked from inside words (usually a handful, so this is cheap). */
    private final Node midRoot;

    private WordTrie(Node root, Node midRoot) {
        this.root = root;
        this.midRoot = midRoot;
    }

    static WordTrie of(List<String> entries) {
        Node root = new Node((char) 0);
        Node midRoot = new Node((char) 0);
        for (String raw : entries) {
            boolean start = raw.startsWith("*");
            boolean end = raw.endsWith("*") && raw.length() > 1;
            String word = raw.substring(start ? 1 : 0, raw.length() - (end ? 1 : 0));
            StringBuilder letters = new StringBuilder();
            word.codePoints().forEach(cp -> {
                for (char[] set : LetterFolding.fold(cp)) {
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
        return new WordTrie(root, midRoot);
    }

    private static void insert(Node root, CharSequence letters, int accepts) {
        Node n = root;
        for (int i = 0; i < letters.length(); i++) {
            n = n.children.computeIfAbsent(letters.charAt(i), Node::new);
        }
        n.accepts |= accepts;
    }

    /** Every match, in the order of their starts (they may overlap). */
    List<ProfanityFilter.Match> find(String text) {
        LetterUnits u = LetterUnits.read(text);
        List<ProfanityFilter.Match> found = new ArrayList<>();
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
                        found.add(new ProfanityFilter.Match(u.from[s], u.to[i]));
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


    private static final class Node {
        final char letter;
        final Map<Character, Node> children = new HashMap<>(4);
        int accepts;

        Node(char letter) {
            this.letter = letter;
        }
    }
}
