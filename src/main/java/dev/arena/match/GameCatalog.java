package dev.arena.match;

import dev.arena.common.ArenaException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The games this node can run, by mode name: the built-in ones and any a studio added as a jar on the
 * classpath (see {@link GameFactory}). Immutable once loaded; two games claiming one mode fail the load.
 */
public final class GameCatalog {
    private final Map<String, GameFactory<?, ?, ?>> games;

    private GameCatalog(Map<String, GameFactory<?, ?, ?>> games) {
        this.games = games;
    }

    /** Every {@link GameFactory} visible to this class's class loader. */
    public static GameCatalog load() {
        return load(GameCatalog.class.getClassLoader());
    }

    @SuppressWarnings("rawtypes")
    public static GameCatalog load(ClassLoader loader) {
        List<GameFactory<?, ?, ?>> found = new java.util.ArrayList<>();
        for (GameFactory<?, ?, ?> f : ServiceLoader.load(GameFactory.class, loader)) {
            found.add(f);
        }
        return of(found);
    }

    public static GameCatalog of(Collection<? extends GameFactory<?, ?, ?>> factories) {
        Map<String, GameFactory<?, ?, ?>> byMode = new TreeMap<>();
        for (GameFactory<?, ?, ?> f : factories) {
            GameInfo info = f.info();
            GameFactory<?, ?, ?> before = byMode.putIfAbsent(info.mode(), f);
            if (before != null) {
                throw new IllegalStateException("two games claim the mode '" + info.mode() + "': "
                        + before.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return new GameCatalog(Map.copyOf(byMode));
    }

    public Optional<GameFactory<?, ?, ?>> find(String mode) {
        return Optional.ofNullable(games.get(mode));
    }

    /** The game of {@code mode}; an {@link ArenaException.Invalid} on the field {@code mode} when unknown. */
    public GameFactory<?, ?, ?> require(String mode) {
        GameFactory<?, ?, ?> f = mode == null ? null : games.get(mode);
        if (f == null) {
            throw new ArenaException.Invalid("mode", "unknown game mode; one of " + new TreeMap<>(games).keySet());
        }
        return f;
    }

    /** Every game, by mode name. */
    public List<GameInfo> games() {
        return new TreeMap<>(games).values().stream().map(GameFactory::info).toList();
    }
}
