package io.dmskit.testkit.hostile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds hostile SDK requests from the SDK's own model metadata ({@link SdkPojo#sdkFields()}): every member, nested
 * structures and lists included, is left out, set to null, or set to a value AWS would refuse (empty, 10,000
 * characters, control characters, malformed ARNs and JSON, huge or negative numbers, unknown enum values, null list
 * elements) or to one of the {@code known} values (real ARNs and identifiers, so requests reach past the first
 * check). Deterministic for a given {@link Random}.
 */
public final class HostileRequests {

    private static final int MAX_DEPTH = 3;

    private final List<String> known;

    /** @param known valid values (ARNs, identifiers, JSON documents) mixed into the hostile ones */
    public HostileRequests(List<String> known) {
        this.known = List.copyOf(known);
    }

    /** The hostile strings, each a kind of input AWS validates. */
    static final List<String> STRINGS = List.of("", " ", "x".repeat(10_000), "a\u0000b", "line\nbreak", "\t",
            "t\u00e2che", "\ud83d\ude00", "\ud800", "arn:", "arn:aws:dms:", "arn:aws:dms:us-east-1:123456789012:",
            "arn:aws:dms:us-east-1:123456789012:endpoint:", "arn:aws:dms:us-east-1:123456789012:task:NOPE",
            "arn:aws:dms:us-east-1:123456789012:rep:NOPE", "arn:aws:dms:us-east-1:123456789012:endpoint:NOPE",
            "arn:aws:dms:us-east-1:123456789012:subgrp:nope", "arn:aws:iam::123456789012:role/r",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:nope", "arn:aws:sns:us-east-1:123456789012:t",
            "{", "[]", "null", "{}", "{\"rules\":[]}", "{\"rules\":null}", "{\"rules\":[{}]}",
            "{\"rules\":[],\"x\":1e999999999}", "{\"x\":1E2147483648}", "[".repeat(5000),
            "{\"TargetMetadata\":{\"LobChunkSize\":99999999999999999999999}}",
            "{\"TargetMetadata\":{\"TargetSchema\":5},\"FullLoadSettings\":[]}", "{\"Logging\":{\"EnableLogging\":\"yes\"}}",
            "{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}", "bogus", "BOGUS", "-1", "0", "99999999999999999999", "1e309", "NaN",
            "mysql", "s3", "source", "target", "full-load", "cdc", "full-load-and-cdc", "start-replication",
            "resume-processing", "reload-target", "dms.t3.medium", "dms.bogus", "us-east-1a", "sun:99:99-sun:99:99",
            "mon:00:00-mon:00:00", "sun:01:00-sun:02:00", "replication-instance-arn", "endpoint-arn",
            "replication-task-arn", "bogus-filter", "server-time:2026-13-45T99:99:99", "commit-time:x",
            "checkpoint:V1#bogus", "2026-01-01T00:00:00", "now", "default", "Default", "secret-id", "name",
            "all", "primary", "tag-key", "aws:reserved", "AWSCURRENT", "AWSPREVIOUS", "AWSPENDING", "v1",
            "00000000-0000-0000-0000-000000000000");

    /**
     * @param builder a request builder, e.g. {@code CreateEndpointRequest.builder()}
     * @param random the source of choices
     * @return the request with hostile members
     */
    public SdkRequest request(SdkBuilder<?, ?> builder, Random random) {
        // a share of requests is mostly valid with one or two hostile members, so the checks behind the first are
        // reached too
        double hostility = new double[] {0.05, 0.2, 1.0}[random.nextInt(3)];
        fill((SdkPojo) builder, random, 0, hostility);
        return (SdkRequest) builder.build();
    }

    private void fill(SdkPojo builder, Random random, int depth, double hostility) {
        for (SdkField<?> f : builder.sdkFields()) {
            if (random.nextDouble() >= hostility) {
                Object valid = valid(f, random);
                if (valid != null) {
                    f.set(builder, valid);
                }
                continue;
            }
            int r = random.nextInt(10);
            if (r < 2) {
                continue; // left out
            }
            f.set(builder, r == 2 ? null : value(f, random, depth, hostility));
        }
    }

    /** A plausible value for a member, guessed from its name, or null to leave it out. */
    private Object valid(SdkField<?> f, Random random) {
        String n = f.memberName();
        MarshallingKnownType type = f.marshallingType().getKnownType();
        if (type == MarshallingKnownType.INTEGER) {
            return switch (n) {
                case "Port" -> Integer.valueOf(3306);
                case "MaxRecords" -> Integer.valueOf(20);
                case "AllocatedStorage" -> Integer.valueOf(50);
                default -> null;
            };
        }
        if (type != MarshallingKnownType.STRING) {
            return null;
        }
        if (n.endsWith("Arn") || n.equals("SecretId") || n.endsWith("Identifier") && random.nextBoolean()) {
            String kind = n.contains("Endpoint") ? ":endpoint:" : n.contains("Instance") ? ":rep:"
                    : n.contains("Task") ? ":task:" : n.contains("Secret") ? ":secret:" : ":";
            List<String> fit = known.stream().filter(k -> k.contains(kind)).toList();
            return fit.isEmpty() ? null : fit.get(random.nextInt(fit.size()));
        }
        return switch (n) {
            case "EndpointIdentifier", "ReplicationInstanceIdentifier", "ReplicationTaskIdentifier",
                 "ReplicationSubnetGroupIdentifier", "CertificateIdentifier", "SubscriptionName",
                 "ReplicationConfigIdentifier", "Name" -> "id" + random.nextInt(1000);
            case "EngineName" -> pick(random, "mysql", "postgres", "s3", "oracle");
            case "EndpointType" -> pick(random, "source", "target");
            case "MigrationType", "ReplicationType" -> pick(random, "full-load", "cdc", "full-load-and-cdc");
            case "StartReplicationTaskType" -> pick(random, "start-replication", "resume-processing",
                    "reload-target");
            case "ReplicationInstanceClass" -> "dms.t3.medium";
            case "TableMappings" -> known.stream().filter(k -> k.startsWith("{")).findFirst().orElse("{}");
            case "ReplicationTaskSettings", "ExtraConnectionAttributes" -> "{}";
            case "ServerName" -> "db.example.com";
            case "Username", "Password", "SecretString", "DatabaseName", "Description",
                 "ReplicationSubnetGroupDescription" -> "v" + random.nextInt(10);
            default -> null;
        };
    }

    private Object value(SdkField<?> f, Random random, int depth, double hostility) {
        MarshallingKnownType type = f.marshallingType().getKnownType();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case STRING -> string(random);
            case INTEGER -> pick(random, Integer.MIN_VALUE, -1, 0, 1, 5, 20, 100, 6144, 65536, Integer.MAX_VALUE);
            case LONG -> pick(random, Long.MIN_VALUE, -1L, 0L, 1L, 100L, Long.MAX_VALUE);
            case SHORT -> pick(random, (short) -1, (short) 0, Short.MAX_VALUE);
            case BYTE -> pick(random, (byte) -1, (byte) 0);
            case FLOAT -> pick(random, Float.NaN, Float.NEGATIVE_INFINITY, -1f, 0f, Float.MAX_VALUE);
            case DOUBLE -> pick(random, Double.NaN, Double.POSITIVE_INFINITY, -1d, 0d, Double.MAX_VALUE);
            case BIG_DECIMAL -> pick(random, new BigDecimal("-1"), new BigDecimal("1e999999999"));
            case BOOLEAN -> random.nextBoolean();
            case INSTANT -> pick(random, Instant.EPOCH, Instant.ofEpochSecond(-62_000_000_000L),
                    Instant.ofEpochSecond(253_402_300_799L), Instant.parse("2026-01-01T00:00:00Z"));
            case SDK_BYTES -> SdkBytes.fromUtf8String(string(random));
            case SDK_POJO -> depth >= MAX_DEPTH ? null : pojo(f, random, depth + 1, hostility);
            case LIST -> list(f, random, depth, hostility);
            case MAP -> map(f, random, depth, hostility);
            default -> null;
        };
    }

    private Object pojo(SdkField<?> f, Random random, int depth, double hostility) {
        SdkPojo b = f.constructor().get();
        fill(b, random, depth, hostility);
        return b instanceof SdkBuilder<?, ?> sb ? sb.build() : b;
    }

    private List<Object> list(SdkField<?> f, Random random, int depth, double hostility) {
        int r = random.nextInt(6);
        if (r == 0) {
            return new ArrayList<>();
        }
        SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
        int n = r == 5 ? 200 : 1 + random.nextInt(3);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(random.nextInt(8) == 0 ? null : value(member, random, depth, hostility));
        }
        return out;
    }

    private Map<String, Object> map(SdkField<?> f, Random random, int depth, double hostility) {
        Map<String, Object> out = new HashMap<>();
        SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.put(string(random), value(value, random, depth, hostility));
        }
        return out;
    }

    private String string(Random random) {
        if (!known.isEmpty() && random.nextInt(3) == 0) {
            return known.get(random.nextInt(known.size()));
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Invokes the client method of an operation ({@code CreateEndpoint} → {@code createEndpoint(CreateEndpointRequest)}).
     *
     * @param client the client
     * @param operation the operation name
     * @param random the source of choices
     * @return what happened: the response or the exception thrown, with the request for the reproducer
     */
    public Outcome call(Object client, Class<?> clientInterface, String operation, Random random) {
        Method m = method(clientInterface, operation);
        SdkRequest request;
        try {
            Class<?> requestType = m.getParameterTypes()[0];
            request = request((SdkBuilder<?, ?>) requestType.getMethod("builder").invoke(null), random);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a request of " + operation, e);
        }
        try {
            return new Outcome(operation, request, m.invoke(client, request), null);
        } catch (InvocationTargetException e) {
            return new Outcome(operation, request, null, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the one-request method of an operation on the client interface */
    public static Method method(Class<?> clientInterface, String operation) {
        String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return Arrays.stream(clientInterface.getMethods())
                .filter(x -> x.getName().equals(name) && x.getParameterCount() == 1
                        && SdkRequest.class.isAssignableFrom(x.getParameterTypes()[0]))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no method for " + operation));
    }

    /**
     * One call.
     *
     * @param operation the operation
     * @param request what was sent
     * @param response what came back, or null
     * @param error what was thrown, or null
     */
    public record Outcome(String operation, SdkRequest request, Object response, Throwable error) {
        /** @return a reproducer: the operation, the request (as the SDK prints it, truncated) and the error */
        public String describe() {
            String req = String.valueOf(request);
            if (req.length() > 2000) {
                req = req.substring(0, 2000) + "...";
            }
            return operation + " " + req + " -> " + error;
        }
    }
}
