package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.mappings.MappingDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationSubnetGroupRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.KinesisSettings;
import software.amazon.awssdk.services.databasemigration.model.MicrosoftSQLServerSettings;
import software.amazon.awssdk.services.databasemigration.model.ModifyEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationSubnetGroupRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.MySQLSettings;
import software.amazon.awssdk.services.databasemigration.model.OracleSettings;
import software.amazon.awssdk.services.databasemigration.model.PostgreSQLSettings;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/**
 * Turns dmskit's models into AWS SDK requests and compares them with what DMS reports, field by field. Only fields
 * the model sets are compared (DMS's defaults never show as a diff); passwords are never compared or shown.
 */
final class Specs {

    /** Tag put on every resource a pipeline creates. */
    public static final String PIPELINE_TAG = "dmskit:pipeline";

    private static final Set<String> SENSITIVE = Set.of("Password", "AsmPassword", "SecurityDbEncryption");

    private Specs() {
    }

    static List<Tag> tags(Map<String, String> own, String pipeline) {
        Map<String, String> all = new LinkedHashMap<>(own);
        all.putIfAbsent(PIPELINE_TAG, pipeline);
        List<Tag> out = new ArrayList<>();
        all.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }

    // ------------------------------------------------------------------ subnet groups

    static CreateReplicationSubnetGroupRequest create(ReplicationSubnetGroup g, String pipeline) {
        return CreateReplicationSubnetGroupRequest.builder().replicationSubnetGroupIdentifier(g.identifier())
            .replicationSubnetGroupDescription(g.description()).subnetIds(g.subnetIds()).tags(tags(g.tags(), pipeline))
            .build();
    }

    static ModifyReplicationSubnetGroupRequest modify(ReplicationSubnetGroup g) {
        return ModifyReplicationSubnetGroupRequest.builder().replicationSubnetGroupIdentifier(g.identifier())
            .replicationSubnetGroupDescription(g.description()).subnetIds(g.subnetIds()).build();
    }

    static List<FieldDiff> diffs(ReplicationSubnetGroup g,
                                 software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup a) {
        List<FieldDiff> d = new ArrayList<>();
        if (!Objects.equals(g.description(), a.replicationSubnetGroupDescription())) {
            d.add(FieldDiff.of("ReplicationSubnetGroupDescription", a.replicationSubnetGroupDescription(), g.description()));
        }
        Set<String> actual = new TreeSet<>();
        a.subnets().forEach(s -> actual.add(s.subnetIdentifier()));
        if (!actual.equals(new TreeSet<>(g.subnetIds()))) {
            d.add(FieldDiff.of("SubnetIds", actual, new TreeSet<>(g.subnetIds())));
        }
        return d;
    }

    // ------------------------------------------------------------------ instances

    static CreateReplicationInstanceRequest create(ReplicationInstance i, String pipeline) {
        CreateReplicationInstanceRequest.Builder b = CreateReplicationInstanceRequest.builder()
            .replicationInstanceIdentifier(i.identifier()).replicationInstanceClass(i.instanceClass())
            .tags(tags(i.tags(), pipeline));
        i.allocatedStorage().ifPresent(b::allocatedStorage);
        i.multiAz().ifPresent(b::multiAZ);
        i.engineVersion().ifPresent(b::engineVersion);
        i.autoMinorVersionUpgrade().ifPresent(b::autoMinorVersionUpgrade);
        i.kmsKeyId().ifPresent(b::kmsKeyId);
        i.publiclyAccessible().ifPresent(b::publiclyAccessible);
        i.vpcSecurityGroupIds().ifPresent(b::vpcSecurityGroupIds);
        i.subnetGroup().ifPresent(b::replicationSubnetGroupIdentifier);
        i.availabilityZone().ifPresent(b::availabilityZone);
        i.preferredMaintenanceWindow().ifPresent(b::preferredMaintenanceWindow);
        i.networkType().ifPresent(n -> b.networkType(n.wireValue()));
        return b.build();
    }

    static ModifyReplicationInstanceRequest modify(ReplicationInstance i, String arn,
                                                   software.amazon.awssdk.services.databasemigration.model.ReplicationInstance a) {
        ModifyReplicationInstanceRequest.Builder b = ModifyReplicationInstanceRequest.builder()
            .replicationInstanceArn(arn).applyImmediately(true).replicationInstanceClass(i.instanceClass());
        i.allocatedStorage().ifPresent(b::allocatedStorage);
        i.multiAz().ifPresent(b::multiAZ);
        i.engineVersion().ifPresent(v -> {
            b.engineVersion(v);
            if (a != null && a.engineVersion() != null && !a.engineVersion().isEmpty()
                && !major(a.engineVersion()).equals(major(v))) {
                b.allowMajorVersionUpgrade(true);
            }
        });
        i.autoMinorVersionUpgrade().ifPresent(b::autoMinorVersionUpgrade);
        i.vpcSecurityGroupIds().ifPresent(b::vpcSecurityGroupIds);
        i.preferredMaintenanceWindow().ifPresent(b::preferredMaintenanceWindow);
        i.networkType().ifPresent(n -> b.networkType(n.wireValue()));
        return b.build();
    }

    private static String major(String version) {
        String[] p = version.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : version;
    }

    /** Fields that change in place. */
    static List<FieldDiff> diffs(ReplicationInstance i,
                                 software.amazon.awssdk.services.databasemigration.model.ReplicationInstance a) {
        List<FieldDiff> d = new ArrayList<>();
        cmp(d, "ReplicationInstanceClass", a.replicationInstanceClass(), i.instanceClass());
        i.allocatedStorage().ifPresent(v -> cmp(d, "AllocatedStorage", a.allocatedStorage(), v));
        i.multiAz().ifPresent(v -> cmp(d, "MultiAZ", a.multiAZ(), v));
        i.engineVersion().ifPresent(v -> cmp(d, "EngineVersion", a.engineVersion(), v));
        i.autoMinorVersionUpgrade().ifPresent(v -> cmp(d, "AutoMinorVersionUpgrade", a.autoMinorVersionUpgrade(), v));
        i.preferredMaintenanceWindow().ifPresent(v -> {
            if (a.preferredMaintenanceWindow() == null || !a.preferredMaintenanceWindow().equalsIgnoreCase(v)) {
                d.add(FieldDiff.of("PreferredMaintenanceWindow", a.preferredMaintenanceWindow(), v));
            }
        });
        i.vpcSecurityGroupIds().ifPresent(v -> {
            Set<String> actual = new TreeSet<>();
            a.vpcSecurityGroups().forEach(g -> actual.add(g.vpcSecurityGroupId()));
            if (!actual.equals(new TreeSet<>(v))) {
                d.add(FieldDiff.of("VpcSecurityGroupIds", actual, new TreeSet<>(v)));
            }
        });
        i.networkType().ifPresent(v -> {
            if (a.networkType() == null || !a.networkType().equalsIgnoreCase(v.wireValue())) {
                d.add(FieldDiff.of("NetworkType", a.networkType(), v.wireValue()));
            }
        });
        return d;
    }

    /** Fields that DMS cannot change in place. */
    static List<FieldDiff> replaceDiffs(ReplicationInstance i,
                                        software.amazon.awssdk.services.databasemigration.model.ReplicationInstance a) {
        List<FieldDiff> d = new ArrayList<>();
        i.kmsKeyId().ifPresent(v -> {
            if (!sameKey(a.kmsKeyId(), v)) {
                d.add(FieldDiff.of("KmsKeyId", a.kmsKeyId(), v));
            }
        });
        i.publiclyAccessible().ifPresent(v -> cmp(d, "PubliclyAccessible", a.publiclyAccessible(), v));
        i.subnetGroup().ifPresent(v -> {
            String actual = a.replicationSubnetGroup() == null ? null
                : a.replicationSubnetGroup().replicationSubnetGroupIdentifier();
            if (actual == null || !actual.equalsIgnoreCase(v)) {
                d.add(FieldDiff.of("ReplicationSubnetGroupIdentifier", actual, v));
            }
        });
        i.availabilityZone().ifPresent(v -> cmp(d, "AvailabilityZone", a.availabilityZone(), v));
        return d;
    }

    static boolean sameKey(String actual, String desired) {
        if (desired.startsWith("alias/") || desired.contains(":alias/")) {
            return true; // an alias cannot be compared with the key ARN DMS reports without a KMS call
        }
        if (actual == null) {
            return false;
        }
        return actual.equals(desired) || actual.endsWith("/" + desired) || actual.endsWith(":" + desired);
    }

    private static void cmp(List<FieldDiff> d, String field, Object actual, Object desired) {
        if (!Objects.equals(actual, desired)) {
            d.add(FieldDiff.of(field, actual, desired));
        }
    }

    // ------------------------------------------------------------------ endpoints

    /** What an endpoint request carries (shared by create and modify). */
    record EndpointSpec(Map<String, Object> top, SdkPojo settings, String settingsName) {
    }

    static EndpointSpec spec(Endpoint e, String secretId) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("EndpointType", e.type().wireValue());
        top.put("EngineName", e.engine().wireValue());
        e.databaseName().ifPresent(v -> top.put("DatabaseName", v));
        e.sslMode().ifPresent(v -> top.put("SslMode", v.wireValue()));
        e.certificateArn().ifPresent(v -> top.put("CertificateArn", v));
        e.extraConnectionAttributes().ifPresent(v -> top.put("ExtraConnectionAttributes", v));
        String secretRole = null;
        String secret = null;
        Credentials c = e.credentials().orElse(null);
        if (c instanceof Credentials.Password p) {
            top.put("Username", p.username());
            top.put("Password", p.password());
            e.serverName().ifPresent(v -> top.put("ServerName", v));
            e.port().ifPresent(v -> top.put("Port", v));
        } else if (c instanceof Credentials.SecretsManagerReference r) {
            secret = r.secretId();
            secretRole = r.accessRoleArn();
        } else if (c instanceof Credentials.ManagedSecret m) {
            secret = secretId == null ? m.secretName() : secretId;
            secretRole = m.accessRoleArn();
        }
        SdkPojo settings = null;
        String name = null;
        switch (e.engine().family()) {
            case MYSQL -> {
                MySQLSettings.Builder b = e.mySqlSettings().map(s -> s.toSdkBuilder()).orElse(MySQLSettings.builder());
                if (secret != null) {
                    b.secretsManagerSecretId(secret).secretsManagerAccessRoleArn(secretRole);
                }
                settings = b.build();
                name = "MySQLSettings";
            }
            case POSTGRES -> {
                PostgreSQLSettings.Builder b = e.postgreSqlSettings().map(s -> s.toSdkBuilder())
                    .orElse(PostgreSQLSettings.builder());
                if (secret != null) {
                    b.secretsManagerSecretId(secret).secretsManagerAccessRoleArn(secretRole);
                }
                settings = b.build();
                name = "PostgreSQLSettings";
            }
            case ORACLE -> {
                OracleSettings.Builder b = e.oracleSettings().map(s -> s.toSdkBuilder()).orElse(OracleSettings.builder());
                if (secret != null) {
                    b.secretsManagerSecretId(secret).secretsManagerAccessRoleArn(secretRole);
                }
                settings = b.build();
                name = "OracleSettings";
            }
            case SQLSERVER -> {
                MicrosoftSQLServerSettings.Builder b = e.sqlServerSettings().map(s -> s.toSdkBuilder())
                    .orElse(MicrosoftSQLServerSettings.builder());
                if (secret != null) {
                    b.secretsManagerSecretId(secret).secretsManagerAccessRoleArn(secretRole);
                }
                settings = b.build();
                name = "MicrosoftSQLServerSettings";
            }
            case S3 -> {
                settings = e.s3Settings().map(s -> s.toSdkBuilder().build()).orElse(S3Settings.builder().build());
                name = "S3Settings";
            }
            case KINESIS -> {
                settings = e.kinesisSettings().map(s -> s.toSdkBuilder().build()).orElse(KinesisSettings.builder().build());
                name = "KinesisSettings";
            }
            default -> throw new IllegalStateException("unknown engine family " + e.engine());
        }
        return new EndpointSpec(top, settings, name);
    }

    private static boolean isEmpty(SdkPojo settings) {
        for (SdkField<?> f : settings.sdkFields()) {
            if (f.getValueOrDefault(settings) != null) {
                return false;
            }
        }
        return true;
    }

    static CreateEndpointRequest create(Endpoint e, String secretId, String pipeline) {
        EndpointSpec s = spec(e, secretId);
        CreateEndpointRequest.Builder b = CreateEndpointRequest.builder().endpointIdentifier(e.identifier())
            .tags(tags(e.tags(), pipeline));
        e.kmsKeyId().ifPresent(b::kmsKeyId);
        Map<String, Object> t = s.top();
        b.endpointType((String) t.get("EndpointType")).engineName((String) t.get("EngineName"))
            .databaseName((String) t.get("DatabaseName")).sslMode((String) t.get("SslMode"))
            .certificateArn((String) t.get("CertificateArn"))
            .extraConnectionAttributes((String) t.get("ExtraConnectionAttributes"))
            .username((String) t.get("Username")).serverName((String) t.get("ServerName"))
            .port((Integer) t.get("Port"));
        if (t.get("Password") instanceof io.dmskit.core.endpoint.Secret p) {
            b.password(p.reveal());
        }
        if (!isEmpty(s.settings())) {
            switch (s.settingsName()) {
                case "MySQLSettings" -> b.mySQLSettings((MySQLSettings) s.settings());
                case "PostgreSQLSettings" -> b.postgreSQLSettings((PostgreSQLSettings) s.settings());
                case "OracleSettings" -> b.oracleSettings((OracleSettings) s.settings());
                case "MicrosoftSQLServerSettings" -> b.microsoftSQLServerSettings((MicrosoftSQLServerSettings) s.settings());
                case "S3Settings" -> b.s3Settings((S3Settings) s.settings());
                case "KinesisSettings" -> b.kinesisSettings((KinesisSettings) s.settings());
                default -> throw new IllegalStateException(s.settingsName());
            }
        }
        return b.build();
    }

    static ModifyEndpointRequest modify(Endpoint e, String arn, String secretId) {
        EndpointSpec s = spec(e, secretId);
        ModifyEndpointRequest.Builder b = ModifyEndpointRequest.builder().endpointArn(arn);
        Map<String, Object> t = s.top();
        b.endpointType((String) t.get("EndpointType")).engineName((String) t.get("EngineName"))
            .databaseName((String) t.get("DatabaseName")).sslMode((String) t.get("SslMode"))
            .certificateArn((String) t.get("CertificateArn"))
            .extraConnectionAttributes((String) t.get("ExtraConnectionAttributes"))
            .username((String) t.get("Username")).serverName((String) t.get("ServerName"))
            .port((Integer) t.get("Port"));
        if (t.get("Password") instanceof io.dmskit.core.endpoint.Secret p) {
            b.password(p.reveal());
        }
        if (!isEmpty(s.settings())) {
            switch (s.settingsName()) {
                case "MySQLSettings" -> b.mySQLSettings((MySQLSettings) s.settings());
                case "PostgreSQLSettings" -> b.postgreSQLSettings((PostgreSQLSettings) s.settings());
                case "OracleSettings" -> b.oracleSettings((OracleSettings) s.settings());
                case "MicrosoftSQLServerSettings" -> b.microsoftSQLServerSettings((MicrosoftSQLServerSettings) s.settings());
                case "S3Settings" -> b.s3Settings((S3Settings) s.settings());
                case "KinesisSettings" -> b.kinesisSettings((KinesisSettings) s.settings());
                default -> throw new IllegalStateException(s.settingsName());
            }
        }
        return b.build();
    }

    static SdkPojo actualSettings(software.amazon.awssdk.services.databasemigration.model.Endpoint a, String name) {
        return switch (name) {
            case "MySQLSettings" -> a.mySQLSettings();
            case "PostgreSQLSettings" -> a.postgreSQLSettings();
            case "OracleSettings" -> a.oracleSettings();
            case "MicrosoftSQLServerSettings" -> a.microsoftSQLServerSettings();
            case "S3Settings" -> a.s3Settings();
            case "KinesisSettings" -> a.kinesisSettings();
            default -> null;
        };
    }

    static List<FieldDiff> diffs(Endpoint e, software.amazon.awssdk.services.databasemigration.model.Endpoint a,
                                 String secretArn) {
        EndpointSpec s = spec(e, secretArn);
        List<FieldDiff> d = new ArrayList<>();
        Map<String, Object> actualTop = new LinkedHashMap<>();
        actualTop.put("EndpointType", a.endpointTypeAsString());
        actualTop.put("EngineName", a.engineName());
        actualTop.put("DatabaseName", a.databaseName());
        actualTop.put("SslMode", a.sslModeAsString());
        actualTop.put("CertificateArn", a.certificateArn());
        actualTop.put("ExtraConnectionAttributes", a.extraConnectionAttributes());
        actualTop.put("Username", a.username());
        actualTop.put("ServerName", a.serverName());
        actualTop.put("Port", a.port());
        for (Map.Entry<String, Object> t : s.top().entrySet()) {
            if (SENSITIVE.contains(t.getKey())) {
                continue;
            }
            Object av = actualTop.get(t.getKey());
            boolean same = t.getKey().equals("EndpointType") || t.getKey().equals("EngineName")
                ? av != null && String.valueOf(av).equalsIgnoreCase(String.valueOf(t.getValue()))
                : Objects.equals(av == null ? null : String.valueOf(av), String.valueOf(t.getValue()));
            if (!same) {
                d.add(FieldDiff.of(t.getKey(), av, t.getValue()));
            }
        }
        d.addAll(settingsDiffs(s.settingsName(), s.settings(), actualSettings(a, s.settingsName())));
        return d;
    }

    static List<FieldDiff> replaceDiffs(Endpoint e, software.amazon.awssdk.services.databasemigration.model.Endpoint a) {
        List<FieldDiff> d = new ArrayList<>();
        e.kmsKeyId().ifPresent(v -> {
            if (!sameKey(a.kmsKeyId(), v)) {
                d.add(FieldDiff.of("KmsKeyId", a.kmsKeyId(), v));
            }
        });
        return d;
    }

    /**
     * Compares the fields set in {@code desired} with {@code actual} (same SDK type).
     *
     * @param prefix e.g. {@code S3Settings}
     * @param desired desired settings
     * @param actual reported settings, or null
     * @return differences
     */
    public static List<FieldDiff> settingsDiffs(String prefix, SdkPojo desired, SdkPojo actual) {
        List<FieldDiff> d = new ArrayList<>();
        for (SdkField<?> f : desired.sdkFields()) {
            Object dv = f.getValueOrDefault(desired);
            if (dv == null) {
                continue;
            }
            String field = prefix + "." + f.memberName();
            if (SENSITIVE.contains(f.memberName())) {
                continue;
            }
            Object av = actual == null ? null : value(f, actual);
            if (f.memberName().equals("SecretsManagerSecretId")) {
                if (!secretIdMatches(av == null ? null : String.valueOf(av), String.valueOf(dv))) {
                    d.add(FieldDiff.of(field, av, dv));
                }
                continue;
            }
            if (!Objects.equals(av == null ? null : String.valueOf(av), String.valueOf(dv))) {
                d.add(FieldDiff.of(field, av, dv));
            }
        }
        return d;
    }

    private static Object value(SdkField<?> f, SdkPojo actual) {
        for (SdkField<?> af : actual.sdkFields()) {
            if (af.memberName().equals(f.memberName())) {
                return af.getValueOrDefault(actual);
            }
        }
        return null;
    }

    /**
     * @param actual the secret id DMS reports
     * @param desired the secret name or ARN dmskit wants
     * @return whether both name the same secret (an ARN matches its name: {@code ...:secret:name-AbCdEf})
     */
    public static boolean secretIdMatches(String actual, String desired) {
        if (actual == null || desired == null) {
            return Objects.equals(actual, desired);
        }
        if (actual.equals(desired)) {
            return true;
        }
        return nameOf(actual).equals(nameOf(desired));
    }

    private static String nameOf(String idOrArn) {
        int i = idOrArn.indexOf(":secret:");
        if (i < 0) {
            return idOrArn;
        }
        String rest = idOrArn.substring(i + ":secret:".length());
        // an ARN ends in -XXXXXX (six random characters) after the name
        return rest.matches(".*-[A-Za-z0-9]{6}") ? rest.substring(0, rest.length() - 7) : rest;
    }

    // ------------------------------------------------------------------ tasks

    static CreateReplicationTaskRequest create(ReplicationTask t, String sourceArn, String targetArn,
                                               String instanceArn, String pipeline) {
        CreateReplicationTaskRequest.Builder b = CreateReplicationTaskRequest.builder()
            .replicationTaskIdentifier(t.identifier()).sourceEndpointArn(sourceArn).targetEndpointArn(targetArn)
            .replicationInstanceArn(instanceArn).migrationType(t.migrationType().wireValue())
            .tableMappings(Mappings.toJson(t.tableMappings())).tags(tags(t.tags(), pipeline));
        if (!t.settings().isEmpty()) {
            b.replicationTaskSettings(t.settings().toJson());
        }
        t.cdcStartTime().ifPresent(b::cdcStartTime);
        t.cdcStartPosition().ifPresent(b::cdcStartPosition);
        t.cdcStopPosition().ifPresent(b::cdcStopPosition);
        return b.build();
    }

    static ModifyReplicationTaskRequest modify(ReplicationTask t, String arn, List<FieldDiff> diffs) {
        ModifyReplicationTaskRequest.Builder b = ModifyReplicationTaskRequest.builder().replicationTaskArn(arn)
            .migrationType(t.migrationType().wireValue()).tableMappings(Mappings.toJson(t.tableMappings()));
        if (!t.settings().isEmpty() && diffs.stream().anyMatch(d -> d.field().startsWith("ReplicationTaskSettings"))) {
            b.replicationTaskSettings(t.settings().toJson());
        }
        return b.build();
    }

    /**
     * @param t the desired task
     * @param a the task DMS reports
     * @return the rule-by-rule difference of their table mappings (renumbered rule-ids alone are none), empty when
     *     DMS's document cannot be read as table mappings
     */
    static Optional<MappingDiff> mappingDiff(ReplicationTask t,
                                             software.amazon.awssdk.services.databasemigration.model.ReplicationTask a) {
        return Mappings.diff(a.tableMappings(), t.tableMappings());
    }

    static List<FieldDiff> diffs(ReplicationTask t, software.amazon.awssdk.services.databasemigration.model.ReplicationTask a) {
        List<FieldDiff> d = new ArrayList<>();
        if (!t.migrationType().wireValue().equalsIgnoreCase(a.migrationTypeAsString())) {
            d.add(FieldDiff.of("MigrationType", a.migrationTypeAsString(), t.migrationType().wireValue()));
        }
        Optional<MappingDiff> rules = mappingDiff(t, a);
        if (rules.isEmpty()) {
            // DMS's document cannot be read rule by rule: compare and show the documents whole
            if (!Mappings.sameMeaning(t.tableMappings(), a.tableMappings())) {
                d.add(FieldDiff.of("TableMappings", a.tableMappings(), Mappings.toJson(t.tableMappings())));
            }
        } else if (!rules.get().isEmpty()) {
            d.add(Mappings.summary(a.tableMappings(), t.tableMappings(), rules.get()));
        }
        if (!t.settings().isEmpty()) {
            d.addAll(t.settings().differencesFrom(a.replicationTaskSettings()));
        }
        return d;
    }
}
