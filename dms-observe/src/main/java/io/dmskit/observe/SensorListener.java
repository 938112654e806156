package io.dmskit.observe;

/**
 * Told about every snapshot a {@link TaskSensor} takes while it waits, for progress output:
 *
 * <pre>{@code
 * observer.sensor("orders").listener((s, waitingFor) -> log.info("{}: {}", waitingFor, s.summary()))
 *     .untilFullLoadComplete();
 * }</pre>
 */
@FunctionalInterface
public interface SensorListener {

    /** A listener that ignores everything. */
    SensorListener NONE = (snapshot, waitingFor) -> { };

    /**
     * Called with every snapshot the sensor takes while it waits.
     *
     * @param snapshot what the sensor just saw
     * @param waitingFor the condition waited for, in words (e.g. {@code full load complete})
     */
    void onSnapshot(TaskSnapshot snapshot, String waitingFor);
}
