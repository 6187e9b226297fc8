package dev.arena.match;

import java.util.function.Function;

/**
 * What a {@link MatchCommands} call answers: the value, when this node ran the command, or the JSON text the
 * game's owner (another node) answered with, already in the form the edge sends (so it is passed on, never parsed).
 */
public sealed interface Answer<T> {

    record Here<T>(T value) implements Answer<T> {}

    record There<T>(String json) implements Answer<T> {}

    static <T> Answer<T> here(T value) {
        return new Here<>(value);
    }

    static <T> Answer<T> there(String json) {
        return new There<>(json);
    }

    default <R> R fold(Function<? super T, ? extends R> here, Function<String, ? extends R> there) {
        return switch (this) {
            case Here<T> h -> here.apply(h.value());
            case There<T> t -> there.apply(t.json());
        };
    }
}
