package io.dmskit.core;

import io.dmskit.core.endpoint.EndpointType;
import io.dmskit.core.endpoint.EngineName;
import io.dmskit.core.exception.DefinitionProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pipeline's cross-reference checks of DMS Serverless replication configs (endpoints, roles, subnet group). */
final class PipelineReferences {

    private PipelineReferences() {
    }

    /**
     * @param problems where problems go
     * @param configs the pipeline's replication configs
     * @param endpoints the pipeline's endpoints by identifier
     * @param subnetGroups the pipeline's subnet groups by identifier (one it does not define must exist in DMS: the plan
     *     checks that)
     * @param taskIds the pipeline's task identifiers
     * @param invalidIds identifiers of resources that did not build (references to them are not reported again)
     */
    static void checkConfigs(List<DefinitionProblem> problems, Collection<ReplicationConfig> configs,
                             Map<String, Endpoint> endpoints, Map<String, ReplicationSubnetGroup> subnetGroups,
                             Set<String> taskIds, Set<String> invalidIds) {
        for (ReplicationConfig c : configs) {
            String where = "replication config '" + c.identifier() + "'";
            Endpoint src = endpoints.get(c.sourceEndpoint());
            Endpoint tgt = endpoints.get(c.targetEndpoint());
            if (src == null) {
                if (!invalidIds.contains(c.sourceEndpoint())) {
                    problems.add(new DefinitionProblem(where, "SourceEndpointArn", "refers to endpoint '"
                        + c.sourceEndpoint() + "', which this pipeline does not define"));
                }
            } else if (src.type() != EndpointType.SOURCE) {
                problems.add(new DefinitionProblem(where, "SourceEndpointArn", "endpoint '" + src.identifier()
                    + "' is a target endpoint"));
            }
            if (tgt == null) {
                if (!invalidIds.contains(c.targetEndpoint())) {
                    problems.add(new DefinitionProblem(where, "TargetEndpointArn", "refers to endpoint '"
                        + c.targetEndpoint() + "', which this pipeline does not define"));
                }
            } else if (tgt.type() != EndpointType.TARGET) {
                problems.add(new DefinitionProblem(where, "TargetEndpointArn", "endpoint '" + tgt.identifier()
                    + "' is a source endpoint"));
            }
            if (taskIds.contains(c.identifier())) {
                problems.add(new DefinitionProblem(where, "ReplicationConfigIdentifier", "a replication task of this "
                    + "pipeline has the same identifier; DMS Serverless replications and tasks are reported side by "
                    + "side, so give them different names"));
            }
            if (tgt != null && tgt.engine() == EngineName.S3) {
                TaskSettings s = c.settings();
                s.beforeImageSettings().flatMap(b -> b.enableBeforeImage()).filter(Boolean.TRUE::equals).ifPresent(x ->
                    problems.add(new DefinitionProblem(where, "ReplicationSettings.BeforeImageSettings",
                        "BeforeImageSettings are not supported for S3 targets; use an add-before-image-columns rule")));
                s.targetMetadata().flatMap(m -> m.batchApplyEnabled()).filter(Boolean.TRUE::equals).ifPresent(x ->
                    problems.add(new DefinitionProblem(where, "ReplicationSettings.TargetMetadata.BatchApplyEnabled",
                        "batch apply is not supported for S3 targets")));
            }
        }
    }
}
