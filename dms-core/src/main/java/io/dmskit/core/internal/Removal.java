package io.dmskit.core.internal;

import io.dmskit.core.provision.ResourceChange;

/**
 * A resource this pipeline created (it carries the pipeline's tag) and no longer defines: apply deletes it when the
 * policy allows deletions.
 *
 * @param resource the resource as DMS reports it
 * @param decision what planning decided (always a deletion)
 */
record Removal(Observed.Removed resource, Decision decision) {

    /** @return e.g. {@code endpoint 'old-source'}, for logs and errors */
    String name() {
        return resource.type().kind() + " '" + resource.id() + "'";
    }

    /** @return the change as the plan shows it */
    ResourceChange change() {
        return decision.change(resource.type().kind(), resource.id());
    }
}
