package dev.arena.config;

/**
 * Logging, handed to Logback before the first logger is created.
 *
 * @param level trace, debug, info, warn or error (lower case)
 */
public record LogConfig(String level, Format format) {

    public enum Format { TEXT, JSON }
}
