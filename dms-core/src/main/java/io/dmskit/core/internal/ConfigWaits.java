package io.dmskit.core.internal;

import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.model.StopReason;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.databasemigration.model.Replication;

/**
 * Tolerant waits for DMS Serverless replications: the provisioning states ({@code initializing},
 * {@code preparing_metadata_resources}, {@code testing_connection}, {@code fetching_metadata},
 * {@code calculating_capacity}, {@code provisioning_capacity}, {@code replication_starting}) keep a start waiting;
 * only {@code failed} or a stop with an error ends it, with DMS's stop reason and failure messages.
 */
final class ConfigWaits {

    private static final Set<String> STOPPED = Set.of("stopped", "failed", "created");

    private ConfigWaits() {
    }

    private static ResourceFailedException failed(String name, String op, Replication r) {
        String message = r.hasFailureMessages() && !r.failureMessages().isEmpty()
            ? String.join("; ", r.failureMessages()) : null;
        return new ResourceFailedException(name, op, r.status(), r.stopReason(), message);
    }

    /** @return waits until the config is visible */
    static Function<Step.Probe, Step.Outcome> created() {
        return p -> p.resource() == null ? Step.WAIT : Step.DONE;
    }

    /**
     * Waits for a started replication to run. A full load that already finished (a stop DMS reports as a successful
     * end) counts as started; {@code failed} or a stop with an error fails the wait.
     *
     * @param name resource name
     * @param op operation
     * @return the condition
     */
    static Function<Step.Probe, Step.Outcome> running(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ConfigView v)) {
                return new Step.Fail(new ResourceFailedException(name, op, "(not found)", null, null));
            }
            Replication r = v.replication();
            if (r == null) {
                return Step.WAIT;
            }
            String s = v.status();
            if (s.equals("running")) {
                return Step.DONE;
            }
            if (s.equals("failed")) {
                return new Step.Fail(failed(name, op, r));
            }
            if (s.equals("stopped")) {
                StopReason reason = StopReason.parse(r.stopReason()).orElse(null);
                if (reason != null && reason.isError()) {
                    return new Step.Fail(failed(name, op, r));
                }
                if (reason != null && reason != StopReason.NORMAL && reason.isSuccessfulEnd()) {
                    return Step.DONE;
                }
                Instant started = r.replicationStats() == null ? null : r.replicationStats().startDate();
                if (p.stepStarted() != null && started != null && !started.isBefore(p.stepStarted())) {
                    return new Step.Fail(failed(name, op, r));
                }
            }
            return Step.WAIT;
        };
    }

    /**
     * @param name resource name
     * @param op operation
     * @return waits until the replication no longer runs (stopped, failed, or never started)
     */
    static Function<Step.Probe, Step.Outcome> stopped(String name, String op) {
        return p -> {
            if (!(p.resource() instanceof ConfigView v)) {
                return new Step.Fail(new ResourceFailedException(name, op, "(not found)", null, null));
            }
            return STOPPED.contains(v.status()) ? Step.DONE : Step.WAIT;
        };
    }
}
