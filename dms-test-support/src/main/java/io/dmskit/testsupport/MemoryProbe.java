package io.dmskit.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory figures for benchmarks: bytes the current thread allocates while running an action
 * ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}), and the peak heap it retains, found by a
 * sampler thread that collects garbage ({@code System.gc()}) over and over while the action runs and keeps the
 * largest used heap above the baseline measured just before. The sampler slows the action down, so time it in a
 * separate run.
 */
public final class MemoryProbe {
    private static final MemoryMXBean HEAP = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MemoryProbe() {
    }

    /**
     * @param action what to measure
     * @return bytes allocated by the current thread while it ran
     */
    public static long allocated(Runnable action) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        action.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    /**
     * @param action what to measure
     * @return the largest heap in use after a full collection while the action ran, minus the heap in use before
     */
    public static long peakRetained(Runnable action) {
        long baseline = usedAfterGc();
        long[] peak = {baseline};
        boolean[] stop = {false};
        Thread sampler = new Thread(() -> {
            while (true) {
                synchronized (stop) {
                    if (stop[0]) {
                        return;
                    }
                }
                long used = usedAfterGc();
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], used);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            action.run();
        } finally {
            synchronized (stop) {
                stop[0] = true;
            }
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (peak) {
            return Math.max(0, peak[0] - baseline);
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return HEAP.getHeapMemoryUsage().getUsed();
    }
}
