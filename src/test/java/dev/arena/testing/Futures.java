package dev.arena.testing;

import static dev.arena.testing.Futures.await;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a result in a test: bounded, and a failure surfaces as the exception the code under test gave. */
public final class Futures {
    /** Long enough for a loaded 2-core machine, short enough that a hang fails the test instead of the build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Futures() {}

    /**
     * The future's value. A failure is rethrown as it is when it is a RuntimeException (so
     * {@code assertThatThrownBy(() -> await(f)).isInstanceOf(ArenaException.Conflict.class)} works), else wrapped in
     * an AssertionError; a future still pending after {@link #TIMEOUT} fails the test.
     */
    public static <T> T await(Future<T> f) {
        return await(f.toCompletionStage(), TIMEOUT);
    }

    public static <T> T await(Future<T> f, Duration timeout) {
        return await(f.toCompletionStage(), timeout);
    }

    public static <T> T await(CompletionStage<T> stage) {
        return await(stage, TIMEOUT);
    }

    public static <T> T await(CompletionStage<T> stage, Duration timeout) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("not completed within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
