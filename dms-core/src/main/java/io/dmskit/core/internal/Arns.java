package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.provision.ResourceKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ARNs of a pipeline's resources during one apply: known ones first, created ones as they appear. */
final class Arns {

    private final Map<String, String> byKey = new ConcurrentHashMap<>();

    /**
     * @param kind resource kind
     * @param id identifier
     * @param arn its ARN
     */
    void put(ResourceKind kind, String id, String arn) {
        byKey.put(Item.key(kind, id), arn);
    }

    /**
     * @param kind resource kind
     * @param id identifier
     * @return its ARN, null when not known
     */
    String get(ResourceKind kind, String id) {
        return byKey.get(Item.key(kind, id));
    }

    /**
     * @param kind resource kind
     * @param id identifier
     * @return its ARN
     * @throws DmsKitException when it is not known (the resource was neither found nor created)
     */
    String require(ResourceKind kind, String id) {
        String arn = get(kind, id);
        if (arn == null) {
            throw new DmsKitException("no ARN known for " + kind + " '" + id + "'", id, "apply", null, null, null);
        }
        return arn;
    }

    /** @return the ARNs by {@code KIND:identifier} */
    Map<String, String> asMap() {
        return byKey;
    }
}
