package dev.arena.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads chat word lists: the built-in {@value #DEFAULT_LIST} or an operator's file ({@code ARENA_CHAT_WORDLIST}).
 * An entry is two or more letters with an optional leading and/or trailing {@code *} (docs/CHAT.md).
 */
public final class WordList {
    public static final String DEFAULT_LIST = "chat/profanity.txt";

    private static final Pattern ENTRY = Pattern.compile("\\*?\\p{L}{2,}\\*?");

    private WordList() {}

    /** The entries of the list at {@code path}, or of the default list when empty. */
    public static List<String> read(Optional<Path> path) {
        if (path.isPresent()) {
            try {
                return parse(Files.readString(path.get(), StandardCharsets.UTF_8), path.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the chat word list " + path.get(), e);
            }
        }
        try (InputStream in = WordList.class.getClassLoader().getResourceAsStream(DEFAULT_LIST)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_LIST + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_LIST);
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
}
