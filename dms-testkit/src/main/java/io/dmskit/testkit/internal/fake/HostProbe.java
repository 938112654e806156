package io.dmskit.testkit.internal.fake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real figures of the machine the fake (and the local replication engine) runs on, for the replication instance
 * metrics: CPU load of this process, free physical memory, swap in use, and read and write system calls per second
 * of this process (Linux {@code /proc/self/io}; absent elsewhere).
 */
final class HostProbe {

    private static final Path PROC_IO = Path.of("/proc/self/io");

    private long lastNanos = System.nanoTime();
    private long lastReads = -1;
    private long lastWrites = -1;

    double cpuPercent() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? 0 : Math.min(100, load * 100);
        }
        return 0;
    }

    double freeMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().freeMemory();
    }

    double swapUsageBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getTotalSwapSpaceSize() - os.getFreeSwapSpaceSize());
        }
        return 0;
    }

    /** @return {read IOPS, write IOPS} since the previous call, or empty when the platform does not tell */
    double[] iops() {
        long reads = -1;
        long writes = -1;
        try {
            for (String line : Files.readAllLines(PROC_IO)) {
                if (line.startsWith("syscr:")) {
                    reads = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    writes = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double[] out = lastReads < 0 || reads < 0 ? new double[] {0, 0}
                : new double[] {Math.max(0, reads - lastReads) / seconds, Math.max(0, writes - lastWrites) / seconds};
        lastNanos = now;
        lastReads = reads;
        lastWrites = writes;
        return reads < 0 ? null : out;
    }
}
