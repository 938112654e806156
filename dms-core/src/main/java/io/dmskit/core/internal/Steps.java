package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.task.StartType;
import io.dmskit.model.TaskStatus;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** The steps that apply, destroy and the task operations share: stop, start and delete, tolerant of settling states. */
final class Steps {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;

    Steps(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Stops a task. DMS refuses to stop a task that is still {@code starting} ("not running"): the step then waits
     * until the task runs and stops it then, or until it reaches a state with nothing to stop (stopped, ready,
     * failed, or a full load that finished on its own).
     *
     * @param name the task's name for logs
     * @param arn its ARN
     * @return the step
     */
    Step stop(String name, String arn) {
        AtomicBoolean sent = new AtomicBoolean();
        var stopped = Waits.taskStopped(name, "stop");
        return new Step("stop", () -> {
            String state = requestStop(name, arn);
            sent.set(state != null);
            return state;
        }, probe -> {
            if (!sent.get() && probe.resource() instanceof ReplicationTask t) {
                TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
                if (s == TaskStatus.STARTING) {
                    return Step.WAIT;
                }
                if (s == TaskStatus.RUNNING) {
                    LOG.info("{} is running now: stopping it", name);
                    sent.set(requestStop(name, arn) != null);
                    return Step.WAIT;
                }
            }
            return stopped.apply(probe);
        }, "stopped");
    }

    /** @return the state after StopReplicationTask, or null when DMS says the task is not running */
    private String requestStop(String name, String arn) {
        try {
            var r = ctx.aws().call("StopReplicationTask", name, () -> ctx.dms().stopReplicationTask(b -> b
                .replicationTaskArn(arn))).replicationTask();
            return r == null || r.status() == null ? "stopping" : r.status();
        } catch (DmsApiException e) {
            if (e.awsErrorCode().orElse("").startsWith("InvalidResourceState")
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not running")) {
                LOG.info("{} is not running (yet): nothing to stop now", name);
                return null;
            }
            throw e;
        }
    }

    /**
     * @param name the task's name for logs
     * @param arn its ARN
     * @param type how it starts
     * @return a step that starts the task and waits until it runs
     */
    Step start(String name, String arn, StartType type) {
        return start(name, () -> arn, type);
    }

    /**
     * @param name the task's name for logs
     * @param arnSupplier its ARN, known only when the step runs (a task created by the same apply)
     * @param type how it starts
     * @return a step that starts the task and waits until it runs
     */
    Step start(String name, Supplier<String> arnSupplier, StartType type) {
        return new Step("start (" + type.wireValue() + ")", () -> {
            String arn = arnSupplier.get();
            var r = tolerateState("StartReplicationTask", name, () -> ctx.dms().startReplicationTask(b -> b
                .replicationTaskArn(arn).startReplicationTaskType(type.wireValue()))).replicationTask();
            return r == null ? null : r.status();
        }, Waits.taskRunning(name, "start"), "running");
    }

    /**
     * @param type what is deleted
     * @param name its name for logs
     * @param arn its ARN
     * @return a step that deletes the resource and waits until it is gone
     */
    Step delete(Deletable type, String name, String arn) {
        return new Step("delete", () -> {
            tolerateState(type.operation(), name, () -> {
                type.delete(ctx.dms(), arn);
                return null;
            });
            return "deleting";
        }, Waits.gone(), "deleted");
    }

    /** @return a step that only waits until a resource already being deleted is gone */
    static Step awaitGone() {
        return new Step("delete", null, Waits.gone(), "deleted");
    }

    /**
     * Calls that DMS refuses while a resource is still settling (InvalidResourceStateFault) are tried again.
     *
     * @param operation AWS operation name
     * @param id resource for logs and errors
     * @param call the call
     * @param <T> its result
     * @return its result
     */
    <T> T tolerateState(String operation, String id, Supplier<T> call) {
        int attempts = 0;
        while (true) {
            try {
                return ctx.aws().call(operation, id, call);
            } catch (DmsApiException e) {
                if (!e.awsErrorCode().orElse("").startsWith("InvalidResourceState") || ++attempts >= 10) {
                    throw e;
                }
                LOG.debug("{} {}: {}; trying again in {}", operation, id, e.awsErrorCode().orElse(""),
                    ctx.pollInterval());
                ctx.sleep(ctx.pollInterval());
            }
        }
    }
}
