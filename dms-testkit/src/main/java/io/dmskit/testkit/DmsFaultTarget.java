package io.dmskit.testkit;

import io.dmskit.testkit.internal.fake.DmsRegion;
import io.dmskit.testkit.internal.fake.Errors;
import java.util.Set;

/** DMS's side of {@link Faults}: its operations and how DMS shapes an injected error. */
final class DmsFaultTarget implements FaultTarget {

    @Override
    public String serviceName() {
        return "DMS";
    }

    @Override
    public Set<String> operations() {
        return DmsRegion.operations();
    }

    @Override
    public String exampleOperation() {
        return "CreateEndpoint";
    }

    @Override
    public RuntimeException throttling() {
        return Errors.throttling();
    }

    @Override
    public RuntimeException serverError() {
        return Errors.generic("InternalFailure", "An internal error has occurred. Please try again.", 500);
    }

    @Override
    public RuntimeException serviceUnavailable() {
        return Errors.generic("ServiceUnavailable", "Service is unavailable. Please try again.", 503);
    }

    @Override
    public RuntimeException error(String errorCode, int statusCode, String message) {
        return Errors.generic(errorCode, message, statusCode);
    }
}
