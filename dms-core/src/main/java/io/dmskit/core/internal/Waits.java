package io.dmskit.core.internal;

import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Tolerant wait conditions: transitional states keep the wait going, only real failure states end it with a
 * {@link ResourceFailedException} carrying StopReason and LastFailureMessage. A resource not (yet) visible right
 * after its creation is waited for (eventual consistency).
 */
final class Waits {

    private static final Set<String> INSTANCE_FAILED = Set.of("failed", "incompatible-credentials", "incompatible-network",
        "inaccessible-encryption-credentials", "deleting", "deleted", "storage-full");

    private Waits() {
    }

    /** @return waits for an instance to be available */
    public static Function<Step.Probe, Step.Outcome> instanceAvailable(String name, String op) {
        return p -> {
            if (p.resource() == null) {
                return Step.WAIT;
            }
            String s = p.state() == null ? "" : p.state().toLowerCase();
            if (s.equals("available")) {
                return Step.DONE;
            }
            if (INSTANCE_FAILED.contains(s)) {
                return new Step.Fail(new ResourceFailedException(name, op, p.state(), null, null));
            }
            return Step.WAIT;
        };
    }

    /** @return waits until the resource is no longer found */
    public static Function<Step.Probe, Step.Outcome> gone() {
        return p -> p.resource() == null ? Step.DONE : Step.WAIT;
    }

    /** @return waits until the resource is visible */
    public static Function<Step.Probe, Step.Outcome> exists() {
        return p -> p.resource() == null ? Step.WAIT : Step.DONE;
    }

    /**
     * Waits until an endpoint is visible. DMS endpoints are usable as soon as they exist (tasks may reference them
     * while DMS still reports {@code creating}; some emulators never leave it), so only deletion or failure fails.
     *
     * @param name resource name
     * @param op operation
     * @return the condition
     */
    public static Function<Step.Probe, Step.Outcome> endpointUsable(String name, String op) {
        return p -> {
            if (p.resource() == null) {
                return Step.WAIT;
            }
            String s = p.state().toLowerCase();
            if (s.equals("deleting") || s.equals("failed")) {
                return new Step.Fail(new ResourceFailedException(name, op, p.state(), null, null));
            }
            return Step.DONE;
        };
    }

    private static ResourceFailedException failed(String name, String op, ReplicationTask t) {
        return new ResourceFailedException(name, op, t.status(), t.stopReason(), t.lastFailureMessage());
    }

    /** @return waits for a created task to be ready */
    public static Function<Step.Probe, Step.Outcome> taskCreated(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ReplicationTask t)) {
                return Step.WAIT;
            }
            TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
            if (s == TaskStatus.READY || s == TaskStatus.STOPPED) {
                return Step.DONE;
            }
            if (s == TaskStatus.FAILED || s == TaskStatus.DELETING) {
                return new Step.Fail(failed(name, op, t));
            }
            return Step.WAIT;
        };
    }

    /** @return waits for a modified task to settle (ready, stopped or failed, as DMS leaves it) */
    public static Function<Step.Probe, Step.Outcome> taskModified(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ReplicationTask t)) {
                return new Step.Fail(new ResourceFailedException(name, op, "(not found)", null, null));
            }
            TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
            if (s == TaskStatus.READY || s == TaskStatus.STOPPED || s == TaskStatus.FAILED) {
                return Step.DONE;
            }
            if (s == TaskStatus.DELETING) {
                return new Step.Fail(failed(name, op, t));
            }
            return Step.WAIT;
        };
    }

    /** @return waits for a task to stop (ready and failed also count: it no longer runs) */
    public static Function<Step.Probe, Step.Outcome> taskStopped(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ReplicationTask t)) {
                return new Step.Fail(new ResourceFailedException(name, op, "(not found)", null, null));
            }
            TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
            if (s == TaskStatus.STOPPED || s == TaskStatus.READY || s == TaskStatus.FAILED) {
                return Step.DONE;
            }
            if (s == TaskStatus.DELETING) {
                return new Step.Fail(failed(name, op, t));
            }
            return Step.WAIT;
        };
    }

    /**
     * Waits for a started task to run. A full-load task that already finished ({@code FULL_LOAD_ONLY_FINISHED}) or a
     * task that stopped where its settings told it to also count as started; {@code failed} or an error StopReason
     * fail the wait. A {@code stopped} or {@code ready} seen before DMS reported the start is the old state.
     *
     * @param name resource name
     * @param op operation
     * @return the condition
     */
    public static Function<Step.Probe, Step.Outcome> taskRunning(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ReplicationTask t)) {
                return new Step.Fail(new ResourceFailedException(name, op, "(not found)", null, null));
            }
            TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
            if (s == TaskStatus.RUNNING) {
                return Step.DONE;
            }
            StopReason reason = StopReason.parse(t.stopReason()).orElse(null);
            if (s == TaskStatus.FAILED) {
                return new Step.Fail(failed(name, op, t));
            }
            if (s == TaskStatus.STOPPED) {
                if (reason != null && reason.isError()) {
                    return new Step.Fail(failed(name, op, t));
                }
                if (reason != null && reason != StopReason.NORMAL && reason.isSuccessfulEnd()) {
                    return Step.DONE;
                }
                if (p.stepStarted() != null && t.replicationTaskStartDate() != null
                    && !t.replicationTaskStartDate().isBefore(p.stepStarted())) {
                    // it started after our start call and is stopped again: someone stopped it
                    return new Step.Fail(failed(name, op, t));
                }
                return Step.WAIT;
            }
            if (s == TaskStatus.DELETING) {
                return new Step.Fail(failed(name, op, t));
            }
            return Step.WAIT;
        };
    }
}
