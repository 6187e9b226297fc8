package dev.arena.config;

import dev.arena.chat.ProfanityFilter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chat settings.
 *
 * @param maxLength longest accepted message, in characters (code points), after trimming
 * @param filter what the profanity filter does with a listed word: mask it with '*' or reject the message
 * @param wordlist a word-list file replacing the default {@code chat/profanity.txt}; empty = the default
 */
public record ChatConfig(int maxLength, ProfanityFilter.Action filter, Optional<Path> wordlist) {}
