package io.dmskit.testkit.internal.fake;

import io.dmskit.model.DmsEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteEndpointResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ModifyEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyEndpointResponse;

/**
 * Endpoints: validation per engine, every settings object stored and echoed back as DMS does (connection fields
 * mirrored between the top level and the engine's settings object, passwords never shown).
 */
final class EndpointOps {

    private static final Set<String> SSL_MODES = Set.of("none", "require", "verify-ca", "verify-full");
    private static final List<String> CONNECTION_FIELDS = List.of("ServerName", "Port", "Username", "DatabaseName");


    private static final Page.Filters<EndpointRecord> FILTERS = new Page.Filters<EndpointRecord>()
            .one("endpoint-arn", e -> e.arn)
            .on("endpoint-type", e -> {
                String t = e.model.endpointTypeAsString();
                return List.of(t, t.toLowerCase(Locale.ROOT));
            })
            .one("endpoint-id", EndpointRecord::id)
            .one("engine-name", e -> e.model.engineName());

    private final World w;
    private final TagOps tags;

    /** @param world state @param tags tags */
    public EndpointOps(World world, TagOps tags) {
        this.w = world;
        this.tags = tags;
    }

    EndpointRecord find(String arn) {
        Validate.required("EndpointArn", arn);
        EndpointRecord e = w.endpoints.get(arn);
        if (e == null) {
            throw Errors.notFound("Endpoint " + arn + " not found");
        }
        return e;
    }

    static boolean isSecretField(String name) {
        return name.contains("Password") || name.equals("SecurityDbEncryption");
    }

    /** The settings objects in a request (or endpoint), by wire name; only those that were given. */
    private static Map<String, Object> settingsOf(Object pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            if (f.locationName().endsWith("Settings") && !f.locationName().equals("ExactSettings")) {
                Object v = f.getValueOrDefault(pojo);
                if (v != null) {
                    out.put(f.locationName(), v);
                }
            }
        }
        return out;
    }

    private static String endpointType(String given) {
        Validate.required("EndpointType", given);
        String t = given.toLowerCase(Locale.ROOT);
        if (!t.equals("source") && !t.equals("target")) {
            throw Errors.invalidParameter("Invalid value '" + given + "' for EndpointType. Valid values: source, "
                    + "target.");
        }
        return t;
    }

    /** @return the endpoint member that holds the engine's settings ({@code MySQLSettings}, ...), null if unknown */
    static String settingsField(String engineName) {
        return exact(engineName).map(DmsEngine::settingsMember).orElse(null);
    }

    /** DMS takes EngineName as written: the catalog lookup, without its leniency about case and blanks. */
    private static java.util.Optional<DmsEngine> exact(String name) {
        return DmsEngine.find(name).filter(e -> e.name().equals(name));
    }

    private static DmsEngine engine(String name, String type) {
        Validate.required("EngineName", name);
        DmsEngine e = exact(name).orElseThrow(() -> Errors.invalidParameter("Invalid EngineName '"
                + name + "'. Valid engine names: " + String.join(", ", DmsEngine.all().stream().map(DmsEngine::name).toList()) + "."));
        if (type.equals("source") && !e.source() || type.equals("target") && !e.target()) {
            throw Errors.invalidParameter("The engine " + name + " is not supported as a " + type + " endpoint.");
        }
        return e;
    }

    /** Everything a new or modified endpoint consists of, before it is turned into the echoed model. */
    private static final class Draft {
        String id;
        String type;
        DmsEngine engine;
        Map<String, Object> top = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        String password;
    }

    private static final List<String> TOP_FIELDS = List.of("Username", "ServerName", "Port", "DatabaseName",
            "ExtraConnectionAttributes", "KmsKeyId", "CertificateArn", "SslMode", "ServiceAccessRoleArn",
            "ExternalTableDefinition");

    /**
     * DMS reads extra connection attributes ({@code key=value;...}) into the engine's settings object: a key names a
     * settings field with its first letter in lower case ({@code bucketName} → {@code S3Settings.BucketName}).
     * Fields given explicitly in the settings object win; unknown keys stay only in the attribute string.
     */
    private static void applyExtraConnectionAttributes(Draft d, String settingsName) {
        Object eca = d.top.get("ExtraConnectionAttributes");
        if (!(eca instanceof String text) || text.isBlank() || settingsName == null) {
            return;
        }
        Object own = d.settings.get(settingsName);
        if (own == null) {
            own = newSettings(settingsName);
            if (own == null) {
                return;
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String field = Character.toUpperCase(key.charAt(0)) + key.substring(1);
            if (isSecretField(field) || Pojos.get(own, field) != null) {
                continue;
            }
            Object value = Pojos.parse(own, field, pair.substring(eq + 1).trim());
            if (value != null) {
                values.put(field, value);
            }
        }
        if (!values.isEmpty()) {
            d.settings.put(settingsName, Pojos.with(own, values));
        }
    }

    /** Validates a draft and builds the model DMS would describe. */
    private Endpoint build(Draft d, String arn, String status, String existingKmsKey) {
        DmsEngine engine = d.engine;
        String settingsName = settingsField(engine.name());
        applyExtraConnectionAttributes(d, settingsName);
        Object own = d.settings.get(settingsName);
        // the connection fields live both at the top level and in the engine's settings object
        if (engine.kind() != DmsEngine.Kind.SERVICE || engine.name().equals("redis")) {
            for (String f : CONNECTION_FIELDS) {
                Object top = d.top.get(f);
                Object inSettings = own == null ? null : Pojos.get(own, f);
                if (top == null && inSettings != null) {
                    d.top.put(f, inSettings);
                }
            }
            if (d.password == null && own != null && Pojos.has(own, "Password")) {
                d.password = (String) Pojos.get(own, "Password");
            }
        }
        if (engine.kind() == DmsEngine.Kind.RELATIONAL && d.top.get("Port") == null && engine.defaultPort().isPresent()
                && (d.top.get("ServerName") != null)) {
            // DMS fills in the engine's usual port when a server is named without one
            d.top.put("Port", engine.defaultPort().getAsInt());
        }
        String secretId = own == null || !Pojos.has(own, "SecretsManagerSecretId") ? null
                : (String) Pojos.get(own, "SecretsManagerSecretId");
        String secretRole = own == null || !Pojos.has(own, "SecretsManagerAccessRoleArn") ? null
                : (String) Pojos.get(own, "SecretsManagerAccessRoleArn");
        List<String> problems = new ArrayList<>();
        if (secretId != null && secretRole == null) {
            problems.add("SecretsManagerAccessRoleArn must be provided together with SecretsManagerSecretId");
        }
        if (engine.kind() == DmsEngine.Kind.RELATIONAL && secretId == null) {
            for (String f : List.of("ServerName", "Port", "Username")) {
                if (d.top.get(f) == null || d.top.get(f).toString().isBlank()) {
                    problems.add("The parameter " + f + " must be provided and must not be blank.");
                }
            }
            if (d.password == null || d.password.isEmpty()) {
                problems.add("The parameter Password must be provided and must not be blank.");
            }
        }
        if (engine.kind() == DmsEngine.Kind.RELATIONAL && secretId == null
                && engine.requiresDatabaseName()
                && d.top.get("DatabaseName") == null) {
            problems.add("The parameter DatabaseName must be provided for engine " + engine.name() + ".");
        }
        Object port = d.top.get("Port");
        if (port instanceof Integer p && (p < 1 || p > 65535)) {
            problems.add("The parameter Port must be between 1 and 65535. (Received: " + p + ")");
        }
        if (d.top.get("SslMode") != null && !SSL_MODES.contains(d.top.get("SslMode").toString())) {
            problems.add("Invalid value '" + d.top.get("SslMode") + "' for SslMode. Valid values: none, require, "
                    + "verify-ca, verify-full.");
        }
        switch (engine.name()) {
            case "s3" -> {
                String role = (String) firstNonNull(d.top.get("ServiceAccessRoleArn"),
                        own == null ? null : Pojos.get(own, "ServiceAccessRoleArn"));
                if (role == null) {
                    problems.add("The parameter ServiceAccessRoleArn must be provided for an Amazon S3 endpoint.");
                } else {
                    d.top.put("ServiceAccessRoleArn", role);
                }
                if (own == null || Pojos.get(own, "BucketName") == null) {
                    problems.add("The parameter S3Settings.BucketName must be provided for an Amazon S3 endpoint.");
                }
            }
            case "kinesis" -> {
                if (own == null || Pojos.get(own, "StreamArn") == null) {
                    problems.add("The parameter KinesisSettings.StreamArn must be provided for a Kinesis endpoint.");
                }
                if (own == null || Pojos.get(own, "ServiceAccessRoleArn") == null) {
                    problems.add("The parameter KinesisSettings.ServiceAccessRoleArn must be provided for a Kinesis "
                            + "endpoint.");
                }
            }
            case "kafka" -> {
                if (own == null || Pojos.get(own, "Broker") == null) {
                    problems.add("The parameter KafkaSettings.Broker must be provided for a Kafka endpoint.");
                }
            }
            case "dynamodb" -> {
                if (d.top.get("ServiceAccessRoleArn") == null) {
                    problems.add("The parameter ServiceAccessRoleArn must be provided for a DynamoDB endpoint.");
                }
            }
            default -> {
            }
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter(String.join(" ", problems));
        }
        Endpoint.Builder b = Endpoint.builder()
                .endpointIdentifier(d.id)
                .endpointType(d.type.toUpperCase(Locale.ROOT))
                .engineName(engine.name())
                .engineDisplayName(engine.displayName())
                .status(status)
                .endpointArn(arn)
                .sslMode(d.top.get("SslMode") == null ? "none" : d.top.get("SslMode").toString());
        Map<String, Object> top = new LinkedHashMap<>(d.top);
        top.remove("SslMode");
        if (top.get("KmsKeyId") == null) {
            top.put("KmsKeyId", existingKmsKey != null ? existingKmsKey : w.defaultKmsKeyArn);
        }
        Endpoint model = Pojos.with(b.build(), top);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> s : d.settings.entrySet()) {
            settings.put(s.getKey(), Pojos.without(s.getValue(), EndpointOps::isSecretField));
        }
        if (engine.kind() != DmsEngine.Kind.SERVICE || engine.name().equals("redis")) {
            Object mirrored = settings.get(settingsName);
            if (mirrored == null) {
                mirrored = newSettings(settingsName);
            }
            if (mirrored != null) {
                Map<String, Object> connection = new LinkedHashMap<>();
                for (String f : CONNECTION_FIELDS) {
                    if (d.top.get(f) != null && Pojos.has(mirrored, f)) {
                        connection.put(f, d.top.get(f));
                    }
                }
                settings.put(settingsName, Pojos.with(mirrored, connection));
            }
        }
        if (engine.name().equals("s3")) {
            settings.put("S3Settings", s3Defaults(settings.get("S3Settings"), (String) top.get("ServiceAccessRoleArn")));
            if (top.get("ExtraConnectionAttributes") == null) {
                model = model.toBuilder().extraConnectionAttributes(s3Attributes(settings.get("S3Settings"))).build();
            }
        }
        return Pojos.with(model, settings);
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }

    private static Object newSettings(String fieldName) {
        SdkField<?> f = Endpoint.builder().build().sdkFieldNameToField().get(fieldName);
        if (f == null) {
            return null;
        }
        SdkPojo builder = f.constructor().get();
        return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    }

    private static Object s3Defaults(Object s3, String role) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (Pojos.get(s3, "ServiceAccessRoleArn") == null && role != null) {
            defaults.put("ServiceAccessRoleArn", role);
        }
        if (Pojos.get(s3, "CsvRowDelimiter") == null) {
            defaults.put("CsvRowDelimiter", "\\n");
        }
        if (Pojos.get(s3, "CsvDelimiter") == null) {
            defaults.put("CsvDelimiter", ",");
        }
        if (Pojos.get(s3, "CompressionType") == null) {
            defaults.put("CompressionType", "NONE");
        }
        return defaults.isEmpty() ? s3 : Pojos.with(s3, defaults);
    }

    private static String s3Attributes(Object s3) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("BucketFolder", "BucketName", "CompressionType", "CsvDelimiter", "CsvRowDelimiter",
                "DataFormat", "DatePartitionEnabled", "TimestampColumnName")) {
            Object v = Pojos.get(s3, f);
            if (v != null) {
                sb.append(Character.toLowerCase(f.charAt(0))).append(f.substring(1)).append('=').append(v).append(';');
            }
        }
        return sb.toString();
    }

    /** CreateEndpoint. */
    public CreateEndpointResponse create(CreateEndpointRequest r) {
        Draft d = new Draft();
        d.id = Validate.identifier("EndpointIdentifier", r.endpointIdentifier(), 255);
        d.type = endpointType(r.endpointTypeAsString());
        d.engine = engine(r.engineName(), d.type);
        for (String f : TOP_FIELDS) {
            Object v = f.equals("SslMode") ? r.sslModeAsString() : Pojos.get(r, f);
            if (v != null) {
                d.top.put(f, v);
            }
        }
        d.password = r.password();
        d.settings.putAll(settingsOf(r));
        for (EndpointRecord other : w.endpoints.values()) {
            if (other.id().equalsIgnoreCase(d.id)) {
                throw Errors.alreadyExists("The specified endpoint " + d.id + " already exists.");
            }
        }
        String arn = w.arn("endpoint", r.resourceIdentifier() != null
                ? Validate.identifier("ResourceIdentifier", r.resourceIdentifier(), 63).toUpperCase(Locale.ROOT)
                : w.newResourceId());
        if (w.endpoints.containsKey(arn)) {
            throw Errors.alreadyExists("An endpoint with ResourceIdentifier " + r.resourceIdentifier()
                    + " already exists.");
        }
        Endpoint model = build(d, arn, "active", null);
        EndpointRecord e = new EndpointRecord(arn, model, d.password);
        tags.putInitial(arn, r.tags());
        e.invisibleDescribes = w.invisibility.applyAsInt("CreateEndpoint");
        w.endpoints.put(arn, e);
        World.log().debug("Created {} endpoint {} ({})", d.engine.name(), d.id, arn);
        return CreateEndpointResponse.builder().endpoint(model).build();
    }

    /** ModifyEndpoint; {@code ExactSettings=false} (default) merges settings field by field, {@code true} replaces. */
    public ModifyEndpointResponse modify(ModifyEndpointRequest r) {
        EndpointRecord e = find(r.endpointArn());
        if ("deleting".equals(e.model.status())) {
            throw Errors.invalidState("Endpoint " + e.arn + " is being deleted.");
        }
        Draft d = new Draft();
        d.id = r.endpointIdentifier() != null ? Validate.identifier("EndpointIdentifier", r.endpointIdentifier(), 255)
                : e.id();
        d.type = r.endpointTypeAsString() != null ? endpointType(r.endpointTypeAsString())
                : e.model.endpointTypeAsString().toLowerCase(Locale.ROOT);
        d.engine = engine(r.engineName() != null ? r.engineName() : e.model.engineName(), d.type);
        for (String f : TOP_FIELDS) {
            Object v = f.equals("SslMode") ? e.model.sslModeAsString() : Pojos.get(e.model, f);
            Object given = f.equals("SslMode") ? r.sslModeAsString() : Pojos.get(r, f);
            if (given != null) {
                v = given;
            }
            if (v != null) {
                d.top.put(f, v);
            }
        }
        if (!d.engine.name().equals("s3") && d.top.get("ExtraConnectionAttributes") != null
                && r.extraConnectionAttributes() == null && e.model.engineName().equals("s3")) {
            d.top.remove("ExtraConnectionAttributes");
        }
        if (d.engine.name().equals("s3") && r.extraConnectionAttributes() == null) {
            d.top.remove("ExtraConnectionAttributes");
        }
        d.password = r.password() != null ? r.password() : e.password;
        Map<String, Object> current = settingsOf(e.model);
        Map<String, Object> given = settingsOf(r);
        boolean exact = Boolean.TRUE.equals(r.exactSettings());
        for (Map.Entry<String, Object> s : current.entrySet()) {
            d.settings.put(s.getKey(), s.getValue());
        }
        for (Map.Entry<String, Object> s : given.entrySet()) {
            d.settings.put(s.getKey(), exact ? s.getValue() : Pojos.merge(current.get(s.getKey()), s.getValue()));
        }
        if (r.password() == null) {
            // a password given only in the new settings object counts too
            Object own = given.get(settingsField(d.engine.name()));
            if (own != null && Pojos.has(own, "Password") && Pojos.get(own, "Password") != null) {
                d.password = (String) Pojos.get(own, "Password");
            }
        }
        for (EndpointRecord other : w.endpoints.values()) {
            if (other != e && other.id().equalsIgnoreCase(d.id)) {
                throw Errors.alreadyExists("The specified endpoint " + d.id + " already exists.");
            }
        }
        Endpoint model = build(d, e.arn, e.model.status(), e.model.kmsKeyId());
        e.model = model;
        e.password = d.password;
        e.bump();
        World.log().debug("Modified endpoint {}", e.id());
        return ModifyEndpointResponse.builder().endpoint(model).build();
    }

    /** DeleteEndpoint: refused while a task or replication config uses the endpoint. */
    public DeleteEndpointResponse delete(DeleteEndpointRequest r) {
        EndpointRecord e = find(r.endpointArn());
        for (TaskRecord t : w.tasks.values()) {
            if (e.arn.equals(t.model.sourceEndpointArn()) || e.arn.equals(t.model.targetEndpointArn())) {
                throw Errors.invalidState("Endpoint " + e.arn + " cannot be deleted: it is used by replication task "
                        + t.arn + ".");
            }
        }
        for (ConfigRecord c : w.configs.values()) {
            if (e.arn.equals(c.model.sourceEndpointArn()) || e.arn.equals(c.model.targetEndpointArn())) {
                throw Errors.invalidState("Endpoint " + e.arn + " cannot be deleted: it is used by replication config "
                        + c.arn + ".");
            }
        }
        if ("deleting".equals(e.model.status())) {
            throw Errors.invalidState("Endpoint " + e.arn + " is already being deleted.");
        }
        e.model = e.model.toBuilder().status("deleting").build();
        e.bump();
        w.schedule(w.timings.endpointDelete(), e, () -> {
            w.endpoints.remove(e.arn);
            w.connections.values().removeIf(c -> e.arn.equals(c.model.endpointArn()));
            tags.forget(e.arn);
            e.gone = true;
            World.log().debug("Endpoint {} deleted", e.id());
        });
        World.log().debug("Deleting endpoint {}", e.id());
        return DeleteEndpointResponse.builder().endpoint(e.model).build();
    }

    /** DescribeEndpoints. */
    public DescribeEndpointsResponse describe(DescribeEndpointsRequest r) {
        FILTERS.check(r.filters());
        List<EndpointRecord> matched = new ArrayList<>();
        for (EndpointRecord e : w.endpoints.values()) {
            if (e.visibleToDescribe() && FILTERS.matches(r.filters(), e)) {
                matched.add(e);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No Endpoints found matching provided filters");
        }
        Page<EndpointRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeEndpointsResponse.builder().endpoints(page.items.stream().map(e -> e.model).toList())
                .marker(page.nextMarker).build();
    }
}
