package io.dmskit.core.exception;


/**
 * One thing wrong with a definition (an endpoint, instance, task, pipeline, settings object), found by a builder's
 * {@code build()} before anything is sent to AWS.
 *
 * @param resource the resource concerned, e.g. {@code endpoint 'mysql-source'}; null when the problem is found in a
 *     settings object before it is attached to a resource
 * @param field the field or JSON path concerned, e.g. {@code S3Settings.CdcPath}
 * @param message what is wrong and, where possible, how to fix it; never contains a secret
 */
public record DefinitionProblem(String resource, String field, String message) {

    /**
     * Fills in missing components, so that reporting a problem never fails: a null field reads {@code (unknown
     * field)}, a null message {@code (no message)}.
     */
    public DefinitionProblem {
        field = field == null ? "(unknown field)" : field;
        message = message == null ? "(no message)" : message;
    }

    /**
     * {@return a problem not yet attached to a resource}
     *
     * @param field the field or JSON path
     * @param message what is wrong
     */
    public static DefinitionProblem of(String field, String message) {
        return new DefinitionProblem(null, field, message);
    }

    /**
     * Sets {@code in}: the resource this problem belongs to (kept when one is already set).
     *
     * @param resourceName the resource this problem belongs to (kept when one is already set)
     * @return this problem attached to the resource
     */
    public DefinitionProblem in(String resourceName) {
        return resource != null ? this : new DefinitionProblem(resourceName, field, message);
    }

    /** {@return {@code resource: field: message}} */
    @Override
    public String toString() {
        return (resource == null ? "" : resource + ": ") + field + ": " + message;
    }
}
