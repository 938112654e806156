package io.dmskit.testkit.internal.fake;

import software.amazon.awssdk.services.databasemigration.model.Endpoint;

/**
 * An endpoint: the SDK model as DescribeEndpoints shows it (no password) plus the password given, kept apart so it is
 * never echoed.
 */
final class EndpointRecord extends Resource {
    Endpoint model;
    /** The password given on create/modify (top-level or in the engine settings); never shown. */
    String password;

    EndpointRecord(String arn, Endpoint model, String password) {
        super(arn);
        this.model = model;
        this.password = password;
    }

    String id() {
        return model.endpointIdentifier();
    }

    @Override
    public String toString() {
        return "Endpoint[" + arn + "]";
    }
}
