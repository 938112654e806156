package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.internal.Item.ConfigItem;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.task.StartType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of DMS Serverless replication configs: create, modify, start, stop (delete is {@link Steps#delete}). */
final class ConfigSteps {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final Steps steps;

    ConfigSteps(Context ctx, Steps steps) {
        this.ctx = ctx;
        this.steps = steps;
    }

    /**
     * @param c the config
     * @param pipeline the pipeline's name (tagged on the config)
     * @param arns ARNs known so far; the config's ARN is added
     * @return a step that creates the config and waits until it is visible
     */
    Step create(ConfigItem c, String pipeline, Arns arns) {
        return new Step("create", () -> {
            String src = arns.require(ResourceKind.ENDPOINT, c.desired().sourceEndpoint());
            String tgt = arns.require(ResourceKind.ENDPOINT, c.desired().targetEndpoint());
            var r = ctx.aws().create("CreateReplicationConfig", c.id(),
                () -> ctx.dms().createReplicationConfig(ConfigSpecs.create(c.desired(), src, tgt, pipeline))
                    .replicationConfig(),
                () -> ctx.reader().configs(List.of(c.id())).stream().findFirst());
            arns.put(c.kind(), c.id(), r.replicationConfigArn());
            return "created";
        }, ConfigWaits.created(), "created");
    }

    /**
     * @param c a config whose replication never started (or failed)
     * @param arns ARNs known so far
     * @return a step that modifies it in place
     */
    Step modify(ConfigItem c, Arns arns) {
        String arn = c.actualArn();
        return new Step("modify", () -> {
            String src = arns.get(ResourceKind.ENDPOINT, c.desired().sourceEndpoint());
            String tgt = arns.get(ResourceKind.ENDPOINT, c.desired().targetEndpoint());
            steps.tolerateState("ModifyReplicationConfig", c.id(), () -> ctx.dms().modifyReplicationConfig(
                ConfigSpecs.modify(c.desired(), arn, src, tgt, c.decision().diffs())));
            LOG.info("{} modified: {}", c.name(), c.decision().diffs().stream().map(d -> d.field()).toList());
            return null;
        }, ConfigWaits.created(), "modified");
    }

    /**
     * Stops a replication. DMS refuses to stop one that is not running: the step then waits until it runs and stops
     * it then, or until it reaches a state with nothing to stop.
     *
     * @param name the config's name for logs
     * @param arn its ARN
     * @return the step
     */
    Step stop(String name, String arn) {
        AtomicBoolean sent = new AtomicBoolean();
        var stopped = ConfigWaits.stopped(name, "stop");
        return new Step("stop", () -> {
            String state = requestStop(name, arn);
            sent.set(state != null);
            return state;
        }, probe -> {
            if (!sent.get() && probe.resource() instanceof ConfigView v && "running".equals(v.status())) {
                sent.set(requestStop(name, arn) != null);
                return Step.WAIT;
            }
            return stopped.apply(probe);
        }, "stopped");
    }

    private String requestStop(String name, String arn) {
        try {
            var r = ctx.aws().call("StopReplication", name, () -> ctx.dms().stopReplication(b -> b
                .replicationConfigArn(arn))).replication();
            return r == null || r.status() == null ? "stopping" : new ConfigView(null, r).state();
        } catch (DmsApiException e) {
            if (e.awsErrorCode().orElse("").startsWith("InvalidResourceState")
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not running")) {
                LOG.info("{} is not running: nothing to stop now", name);
                return null;
            }
            throw e;
        }
    }

    /**
     * @param name the config's name for logs
     * @param arn its ARN, known only when the step runs (a config created by the same apply)
     * @param type how it starts
     * @param start where CDC starts and stops
     * @return a step that starts the replication and waits through provisioning until it runs
     */
    Step start(String name, Supplier<String> arn, StartType type, ReplicationStart start) {
        return new Step("start (" + type.wireValue() + ")", () -> {
            String configArn = arn.get();
            var r = steps.tolerateState("StartReplication", name, () -> ctx.dms().startReplication(b -> {
                b.replicationConfigArn(configArn).startReplicationType(type.wireValue());
                if (start.cdcStartTime() != null) {
                    b.cdcStartTime(start.cdcStartTime());
                }
                if (start.cdcStartPosition() != null) {
                    b.cdcStartPosition(start.cdcStartPosition());
                }
                if (start.cdcStopPosition() != null) {
                    b.cdcStopPosition(start.cdcStopPosition());
                }
            })).replication();
            return r == null ? null : new ConfigView(null, r).state();
        }, ConfigWaits.running(name, "start"), "running");
    }
}
