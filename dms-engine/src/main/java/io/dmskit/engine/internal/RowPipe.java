package io.dmskit.engine.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands rows from the thread reading the source to the thread writing the target, in batches, with back-pressure.
 * An empty batch marks the end.
 */
final class RowPipe {

    private static final Object[][] END = new Object[0][];

    private final BlockingQueue<Object[][]> queue;
    private final int batchSize;
    private Object[][] batch;
    private int filled;
    private volatile boolean aborted;

    RowPipe(int batchSize, int batchesInFlight) {
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batchesInFlight);
        this.batch = new Object[batchSize][];
    }

    /** Adds a row (reader side). */
    void put(Object[] row) {
        batch[filled++] = row;
        if (filled == batchSize) {
            offer(batch);
            batch = new Object[batchSize][];
            filled = 0;
        }
    }

    private void offer(Object[][] b) {
        try {
            while (!aborted && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy; wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
        }
    }

    /** Sends what is left and the end mark (reader side). */
    void close() {
        if (filled > 0) {
            Object[][] last = new Object[filled][];
            System.arraycopy(batch, 0, last, 0, filled);
            offer(last);
            filled = 0;
        }
        offer(END);
    }

    /** Makes the writer stop at the next batch. */
    void abort() {
        aborted = true;
        queue.clear();
        queue.offer(END);
    }

    /** @return the next batch, empty at the end (writer side) */
    Object[][] take() throws InterruptedException {
        if (aborted && queue.isEmpty()) {
            return END;
        }
        Object[][] b = queue.poll(100, TimeUnit.MILLISECONDS);
        while (b == null) {
            if (aborted) {
                return END;
            }
            b = queue.poll(100, TimeUnit.MILLISECONDS);
        }
        return b;
    }
}
