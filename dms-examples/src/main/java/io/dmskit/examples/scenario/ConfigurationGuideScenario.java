package io.dmskit.examples.scenario;

import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.schema;
import static io.dmskit.mappings.Rules.table;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.S3CompressionType;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.task.MigrationType;
import io.dmskit.examples.data.ScenarioSchemas;
import io.dmskit.examples.source.SourceEngine;
import io.dmskit.mappings.FilterCondition;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DMS configuration guide's pipeline as dmskit code: one MySQL-family (or PostgreSQL) source whose password is
 * kept in Secrets Manager ({@code ecommerce/onprem-mysql-password}), a subnet group, a replication instance, and one
 * S3 target and one {@code full-load-and-cdc} task for each of the five systems of the eCommerce AI Analytics
 * Platform. The first task uses the guide's table mappings verbatim; the others show what teams usually add:
 * explicit table lists, renamed schemas, removed PII columns, a source filter, Parquet and gzip.
 *
 * <pre>{@code
 * ConfigurationGuideScenario scenario = ConfigurationGuideScenario.builder()
 *         .sourceEngine(SourceEngine.MARIADB).serverName("127.0.0.1").port(3306).databaseName("ecommerce")
 *         .username("dms_user").password(Secret.of(pw))
 *         .build();
 * Pipeline pipeline = scenario.pipeline();
 * }</pre>
 */
public final class ConfigurationGuideScenario {

    /** Account of the fake DMS; ARNs of roles use it. */
    public static final String ACCOUNT = "123456789012";
    /** Name of the Secrets Manager secret holding the source credentials, as in the guide. */
    public static final String SECRET_NAME = "ecommerce/onprem-mysql-password";
    /** Role DMS assumes to read the secret. */
    public static final String SECRETS_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/dms-secrets-manager-access";
    /** Role DMS assumes to write to the buckets. */
    public static final String S3_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/dms-s3-target-access";
    /** Identifier of the source endpoint. */
    public static final String SOURCE_ENDPOINT = "ecommerce-onprem-mysql-source";
    /** Identifier of the replication instance. */
    public static final String INSTANCE = "ecommerce-ai-platform-dms";
    /** Identifier of the subnet group. */
    public static final String SUBNET_GROUP = "ecommerce-ai-platform-dms-subnets";
    /** The table of the CDC probe; created (empty) with the sample data and selected by the first task. */
    public static final String PROBE_TABLE = "dmskit_probe";

    /** The five systems of the guide, in its order. */
    public static final List<String> SYSTEMS = List.of("market-intelligence-hub", "demand-insights-engine",
            "compliance-guardian", "retail-copilot", "global-market-pulse");

    private final SourceEngine sourceEngine;
    private final String serverName;
    private final int port;
    private final String databaseName;
    private final String username;
    private final Secret password;
    private final ScenarioSchemas schemas;
    private final String bucketPrefix;
    private final int cdcMaxBatchIntervalSeconds;

    private ConfigurationGuideScenario(Builder b) {
        this.sourceEngine = b.sourceEngine;
        this.serverName = b.serverName;
        this.port = b.port;
        this.databaseName = b.databaseName;
        this.username = b.username;
        this.password = b.password;
        this.schemas = b.schemas;
        this.bucketPrefix = b.bucketPrefix;
        this.cdcMaxBatchIntervalSeconds = b.cdcMaxBatchIntervalSeconds;
    }

    /** @return a builder (source defaults: MariaDB on 127.0.0.1:3306, database {@code ecommerce}) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the source schemas */
    public ScenarioSchemas schemas() {
        return schemas;
    }

    /**
     * @param system one of {@link #SYSTEMS}
     * @return the identifier of the system's replication task, e.g. {@code market-intelligence-hub-replication}
     */
    public static String taskId(String system) {
        return system + "-replication";
    }

    /**
     * @param system one of {@link #SYSTEMS}
     * @return the identifier of the system's S3 target endpoint
     */
    public static String targetEndpointId(String system) {
        return system + "-s3-target";
    }

    /**
     * @param system one of {@link #SYSTEMS}
     * @return the raw bucket of the system's data lake
     */
    public String bucket(String system) {
        return bucketPrefix + system + "-raw";
    }

    /** @return every bucket the targets write to */
    public List<String> buckets() {
        return SYSTEMS.stream().map(this::bucket).toList();
    }

    /** @return the whole pipeline: subnet group, instance, source, five targets, five tasks */
    public Pipeline pipeline() {
        Pipeline.Builder p = Pipeline.builder("ecommerce-ai-analytics-platform")
                .subnetGroup(ReplicationSubnetGroup.of(SUBNET_GROUP, s -> s
                        .description("Private subnets of the eCommerce AI platform VPC")
                        .subnetIds("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002")))
                .instance(ReplicationInstance.of(INSTANCE, i -> i
                        .instanceClass("dms.c5.xlarge")
                        .allocatedStorage(200)
                        .multiAz(false)
                        .publiclyAccessible(false)
                        .subnetGroup(SUBNET_GROUP)
                        .tag("project", "ecommerce-ai-platform")))
                .endpoint(sourceEndpoint());
        for (String system : SYSTEMS) {
            p.endpoint(targetEndpoint(system));
            p.task(task(system));
        }
        return p.build();
    }

    /** @return the source endpoint; its credentials live in the managed secret {@value #SECRET_NAME} */
    public Endpoint sourceEndpoint() {
        Endpoint.Builder b = switch (sourceEngine) {
            case MARIADB -> Endpoint.mariadb(SOURCE_ENDPOINT);
            case MYSQL -> Endpoint.mysql(SOURCE_ENDPOINT);
            case POSTGRESQL -> Endpoint.postgres(SOURCE_ENDPOINT);
        };
        return b.source()
                .serverName(serverName)
                .port(port)
                .databaseName(databaseName)
                .managedSecret(SECRET_NAME, SECRETS_ROLE_ARN, username, password)
                .tag("system", "on-premise")
                .build();
    }

    /**
     * @param system one of {@link #SYSTEMS}
     * @return the system's S3 target: CSV for most, Parquet for retail-copilot and global-market-pulse, gzip for
     *         demand-insights-engine; CDC batches every {@code cdcMaxBatchInterval} seconds
     */
    public Endpoint targetEndpoint(String system) {
        return Endpoint.s3(targetEndpointId(system)).target()
                .s3Settings(s -> {
                    s.bucketName(bucket(system)).bucketFolder(system).serviceAccessRoleArn(S3_ROLE_ARN)
                            .cdcMaxBatchInterval(cdcMaxBatchIntervalSeconds).cdcMinFileSize(32_000);
                    switch (system) {
                        case "retail-copilot", "global-market-pulse" -> s.dataFormat(S3DataFormat.PARQUET);
                        case "demand-insights-engine" -> s.dataFormat(S3DataFormat.CSV)
                                .compressionType(S3CompressionType.GZIP);
                        default -> s.dataFormat(S3DataFormat.CSV);
                    }
                })
                .build();
    }

    /**
     * @param system one of {@link #SYSTEMS}
     * @return the system's {@code full-load-and-cdc} task
     */
    public ReplicationTask task(String system) {
        return ReplicationTask.of(taskId(system), t -> t
                .source(SOURCE_ENDPOINT)
                .target(targetEndpointId(system))
                .replicationInstance(INSTANCE)
                .migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(tableMappings(system))
                .tag("system", system));
    }

    /**
     * The table mappings of one system. market-intelligence-hub uses the guide's document as written (both schemas,
     * {@code schema_} prefix on every table). Schema names are matched literally ({@link Wildcards#literal}): in DMS
     * an {@code _} in a locator matches any one character.
     *
     * @param system one of {@link #SYSTEMS}
     * @return the mappings
     */
    public TableMappings tableMappings(String system) {
        String e = Wildcards.literal(schemas.ecommerce());
        String m = Wildcards.literal(schemas.marketIntelligence());
        TableMappings.Builder b = TableMappings.builder();
        switch (system) {
            case "market-intelligence-hub" -> b
                    .rule(include(e, "%").name("include-ecommerce-tables"))
                    .rule(include(m, "%").name("include-market-intelligence-tables"))
                    .rule(table("%", "%").addPrefix("schema_").name("add-schema-prefix"));
            case "demand-insights-engine" -> b
                    .rule(include(e, "order%").name("orders"))
                    .rule(include(e, "products").name("products"))
                    .rule(include(e, "inventory").name("inventory"))
                    .rule(schema(e).rename("demand").name("rename-schema"));
            case "compliance-guardian" -> b
                    .rule(include(e, "customers").name("customers"))
                    .rule(include(e, "orders").name("orders"))
                    .rule(column(e, "customers", "email").removeColumn().name("drop-email"))
                    .rule(column(e, "customers", "phone").removeColumn().name("drop-phone"));
            case "retail-copilot" -> b
                    .rule(include(e, "products").name("products"))
                    .rule(include(e, "reviews").where("rating", FilterCondition.gte("4")).name("good-reviews"))
                    .rule(table(e, "%").convertLowercase().name("lower-case-tables"));
            case "global-market-pulse" -> b
                    .rule(include(m, "%").name("market-intelligence"))
                    .rule(include(e, "orders").name("orders"))
                    .rule(schema("%").rename("pulse").name("pulse-schema"));
            default -> throw new IllegalArgumentException("unknown system '" + system + "', expected one of "
                    + SYSTEMS);
        }
        return b.build();
    }

    /** Builder of {@link ConfigurationGuideScenario}. */
    public static final class Builder {
        private SourceEngine sourceEngine = SourceEngine.MARIADB;
        private String serverName = "127.0.0.1";
        private int port = 3306;
        private String databaseName = "ecommerce";
        private String username = "root";
        private Secret password;
        private ScenarioSchemas schemas = ScenarioSchemas.GUIDE;
        private String bucketPrefix = "ecommerce-";
        private int cdcMaxBatchIntervalSeconds = 1;

        private Builder() {
        }

        /** @param v the source engine @return this builder */
        public Builder sourceEngine(SourceEngine v) {
            this.sourceEngine = Objects.requireNonNull(v, "sourceEngine");
            return this;
        }

        /** @param v the source host @return this builder */
        public Builder serverName(String v) {
            this.serverName = Objects.requireNonNull(v, "serverName");
            return this;
        }

        /** @param v the source port @return this builder */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /** @param v the database the endpoint names @return this builder */
        public Builder databaseName(String v) {
            this.databaseName = Objects.requireNonNull(v, "databaseName");
            return this;
        }

        /** @param v the DMS user @return this builder */
        public Builder username(String v) {
            this.username = Objects.requireNonNull(v, "username");
            return this;
        }

        /** @param v the DMS user's password (goes into the managed secret only) @return this builder */
        public Builder password(Secret v) {
            this.password = Objects.requireNonNull(v, "password");
            return this;
        }

        /** @param v the source schemas @return this builder */
        public Builder schemas(ScenarioSchemas v) {
            this.schemas = Objects.requireNonNull(v, "schemas");
            return this;
        }

        /** @param v prefix of every bucket name (default {@code ecommerce-}) @return this builder */
        public Builder bucketPrefix(String v) {
            this.bucketPrefix = Objects.requireNonNull(v, "bucketPrefix");
            return this;
        }

        /**
         * @param seconds S3 {@code CdcMaxBatchInterval}: how long CDC changes are batched before a file is written
         *        (DMS's default is 60; the quickstart uses 1 so that the CDC probe is quick)
         * @return this builder
         */
        public Builder cdcMaxBatchIntervalSeconds(int seconds) {
            this.cdcMaxBatchIntervalSeconds = seconds;
            return this;
        }

        /**
         * @return the scenario
         * @throws IllegalArgumentException listing every problem
         */
        public ConfigurationGuideScenario build() {
            List<String> problems = new ArrayList<>();
            if (port < 1 || port > 65535) {
                problems.add("port must be 1..65535, was " + port);
            }
            if (cdcMaxBatchIntervalSeconds < 0) {
                problems.add("cdcMaxBatchIntervalSeconds must not be negative, was " + cdcMaxBatchIntervalSeconds);
            }
            if (!bucketPrefix.matches("[a-z0-9.-]{0,30}")) {
                problems.add("bucketPrefix must be lower-case letters, digits, '.' and '-' (at most 30), was '"
                        + bucketPrefix + "'");
            }
            if (password == null) {
                problems.add("password(Secret) is required (it goes into the Secrets Manager secret)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid scenario: " + String.join("; ", problems));
            }
            return new ConfigurationGuideScenario(this);
        }
    }
}
