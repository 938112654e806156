package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsKitException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Small helpers for futures: unwrap the cause so callers see dmskit's own exceptions. */
final class Concurrency {

    private Concurrency() {
    }

    /**
     * @param f a future
     * @param <T> result type
     * @return its result
     */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new DmsKitException(String.valueOf(c), c);
        }
    }
}
