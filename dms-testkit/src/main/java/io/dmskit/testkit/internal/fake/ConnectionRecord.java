package io.dmskit.testkit.internal.fake;

import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Connection;

/** The result of TestConnection for one (instance, endpoint) pair. */
final class ConnectionRecord extends Resource {
    Connection model;
    /** Outcome computed outside the lock: null while unknown, empty when the connection works. */
    Optional<String> outcome;
    /** Whether the test's delay has passed (the outcome is applied as soon as both are known). */
    boolean due;

    ConnectionRecord(String key, Connection model) {
        super(key);
        this.model = model;
    }

    static String key(String instanceArn, String endpointArn) {
        return instanceArn + "|" + endpointArn;
    }
}
