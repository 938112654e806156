package io.dmskit.examples.scenario;

import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationConfig;
import io.dmskit.core.ReplicationTask;

/**
 * The configuration guide's scenario on DMS Serverless: the same subnet groups, endpoints, table mappings and
 * settings, with one replication config per task (same identifier) in place of the replication instance and its
 * tasks.
 */
public final class ServerlessScenario {

    /** The capacity each replication may scale to, in DMS capacity units. */
    public static final int MAX_CAPACITY_UNITS = 4;

    private ServerlessScenario() {
    }

    /**
     * {@return the pipeline with one replication config per task, and no instance or task}
     *
     * @param tasks the scenario's pipeline of an instance and tasks
     */
    public static Pipeline of(Pipeline tasks) {
        Pipeline.Builder p = Pipeline.builder(tasks.name());
        tasks.subnetGroups().forEach(p::subnetGroup);
        tasks.endpoints().forEach(p::endpoint);
        for (ReplicationTask t : tasks.tasks()) {
            p.replicationConfig(ReplicationConfig.builder(t.identifier()).source(t.sourceEndpoint())
                .target(t.targetEndpoint()).replicationType(t.migrationType())
                .compute(c -> c.maxCapacityUnits(MAX_CAPACITY_UNITS))
                .tableMappings(t.tableMappings()).settings(t.settings()).tags(t.tags()));
        }
        return p.build();
    }
}
