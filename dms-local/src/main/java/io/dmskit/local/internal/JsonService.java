package io.dmskit.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One AWS JSON protocol service served from an SDK client interface: the operation named in
 * {@code X-Amz-Target: <prefix>.<Operation>} is the client method that takes {@code <Operation>Request} from the
 * service's model package, found once by reflection, so every operation the backing client implements is served
 * with no code of its own.
 *
 * @param name the service's name in messages, e.g. {@code DMS}
 * @param targetPrefix the X-Amz-Target prefix, e.g. {@code AmazonDMSv20160101}
 * @param clientInterface the SDK client interface, e.g. {@code DatabaseMigrationClient}
 * @param operations the operations the backing client implements
 * @param journaled which operations change state (or draw random ids) and go to the journal
 * @param contentType the response content type
 */
record JsonService(String name, String targetPrefix, Class<?> clientInterface, Set<String> operations,
                          Predicate<String> journaled, String contentType) {

    private static final Map<String, Optional<Method>> METHODS = new ConcurrentHashMap<>();

    /**
     * Calls one operation.
     *
     * @param client the backing client (of {@link #clientInterface()})
     * @param operation the operation name
     * @param body the request JSON
     * @return the response JSON
     * @throws LocalAwsException with the AWS error to answer
     */
    public JsonNode invoke(Object client, String operation, JsonNode body) {
        Method method = method(operation).orElseThrow(
                () -> new LocalAwsException(AwsError.unknownOperation(operation, name)));
        SdkRequest request;
        try {
            request = (SdkRequest) AwsJson.read(method.getParameterTypes()[0].asSubclass(SdkPojo.class), body);
        } catch (IllegalArgumentException e) {
            throw new LocalAwsException(new AwsError(400, "SerializationException", e.getMessage()));
        }
        try {
            Object response = method.invoke(client, request);
            return AwsJson.write((SdkPojo) response);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException) {
                throw new LocalAwsException(AwsError.unknownOperation(operation, name));
            }
            throw new LocalAwsException(AwsError.from(cause));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Method> method(String operation) {
        if (!operations.contains(operation)) {
            return Optional.empty();
        }
        return METHODS.computeIfAbsent(clientInterface.getName() + "." + operation, k -> find(operation));
    }

    private Optional<Method> find(String operation) {
        String modelPackage = clientInterface.getPackageName() + ".model.";
        try {
            Class<?> requestType = Class.forName(modelPackage + operation + "Request", true,
                    clientInterface.getClassLoader());
            for (Method m : clientInterface.getMethods()) {
                if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == requestType
                        && m.getName().equalsIgnoreCase(operation)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * @param fake a fake client class
     * @return the operations it implements: its public methods that take one SDK request
     */
    static Set<String> implementedBy(Class<?> fake) {
        Set<String> ops = new java.util.TreeSet<>();
        for (Method m : fake.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                String type = m.getParameterTypes()[0].getSimpleName();
                ops.add(type.substring(0, type.length() - "Request".length()));
            }
        }
        return Set.copyOf(ops);
    }

    /**
     * @param target the X-Amz-Target header value
     * @return the operation it names, when it belongs to this service
     */
    public Optional<String> operationOf(String target) {
        if (target != null && target.startsWith(targetPrefix + ".")) {
            return Optional.of(target.substring(targetPrefix.length() + 1));
        }
        return Optional.empty();
    }
}
