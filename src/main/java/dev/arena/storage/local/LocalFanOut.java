package dev.arena.storage.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one node-wide signal (session revocations, profile changes): every listener runs on the caller's
 * thread, and one that fails is logged and does not stop the others. The in-process seams are this alone; the Redis
 * ones use it for their own node.
 *
 * @param <T> what is signalled
 */
public final class LocalFanOut<T> {
    private static final Logger log = LoggerFactory.getLogger(LocalFanOut.class);

    private final String what;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    /** @param what names the signal in the log, e.g. "revocation" */
    public LocalFanOut(String what) {
        this.what = what;
    }

    /** Runs every listener. */
    public void deliver(T item) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(item);
            } catch (RuntimeException e) {
                log.error("a {} listener failed on {}", what, item, e);
            }
        }
    }

    /** Adds a listener; the returned action removes it (idempotent). */
    public Runnable add(Consumer<T> listener) {
        // a wrapper of its own, so the same listener registered twice is stopped once per registration
        Consumer<T> registered = listener::accept;
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }
}
