package io.dmskit.verify.internal.content;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Hands the records an {@link S3ChangeReader} produces to a thread of their own that locates their key range, hashes
 * them and appends them to the {@link RangeSpill}, so that decoding the next row group overlaps with spilling the
 * last one. Records travel in small batches through a queue of two, so at most a few thousand records are in flight;
 * their order is kept (one consumer). Only the consumer touches the spill until {@link #finish()} returns.
 */
final class SpillPipeline {

    private static final int BATCH = 1024;

    private record Batch(char[] ops, String[][] fields, int size) {
    }

    private static final Batch END = new Batch(new char[0], new String[0][], 0);

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final Thread thread;
    private volatile Throwable failure;
    private char[] ops = new char[BATCH];
    private String[][] fields = new String[BATCH][];
    private int size;

    SpillPipeline(RangeSpill spill, RangeLocator locator, String name) {
        thread = new Thread(() -> {
            RowHasher hasher = new RowHasher();
            try {
                while (true) {
                    Batch b = queue.take();
                    if (b == END) {
                        return;
                    }
                    for (int i = 0; i < b.size(); i++) {
                        String[] f = b.fields()[i];
                        spill.write(locator.rangeOf(f), b.ops()[i], f, hasher);
                    }
                }
            } catch (InterruptedException e) {
                failure = new CancellationException("spilling was interrupted");
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one record (the reader's sink). */
    void add(char op, String[] record) {
        ops[size] = op;
        fields[size] = record;
        if (++size == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (size > 0) {
            put(new Batch(ops, fields, size));
            ops = new char[BATCH];
            fields = new String[BATCH][];
            size = 0;
        }
    }

    private void put(Batch b) {
        try {
            while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the spill thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading was interrupted");
        }
        rethrow();
    }

    /** Queues what is left, waits until every record is spilled, and rethrows the consumer's failure. */
    void finish() {
        flush();
        put(END);
        join();
        rethrow();
    }

    /** Stops the consumer (after a failure of the reader) and waits for it. */
    void abort() {
        thread.interrupt();
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new CancellationException("reading was interrupted");
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
