package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs the work for each table on a bounded pool of daemon threads, so a stuck count never keeps the JVM alive. */
final class ParallelTables {

    private ParallelTables() {
    }

    /**
     * @param items what to work on
     * @param parallelism threads at most
     * @param threadName prefix of the threads' names
     * @param work the work for one item
     * @return the results, in the order of {@code items}
     * @throws VerificationException when the work for an item throws or the caller is interrupted
     */
    static <T, R> List<R> map(List<T> items, int parallelism, String threadName, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon(threadName));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationException("verification was interrupted", null, "verifyRowCounts", e);
        } catch (ExecutionException e) {
            throw new VerificationException("verification failed: " + e.getCause().getMessage(), null,
                    "verifyRowCounts", e.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
