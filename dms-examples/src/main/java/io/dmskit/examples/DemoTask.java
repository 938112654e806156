package io.dmskit.examples;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.examples.data.EcommerceSampleData;
import io.dmskit.examples.data.ScenarioSchemas;
import io.dmskit.examples.scenario.ConfigurationGuideScenario;
import io.dmskit.examples.source.EmbeddedMariaDb;
import io.dmskit.examples.source.ServerSource;
import io.dmskit.examples.source.SourceDatabase;
import io.dmskit.mappings.Rules;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.Wildcards;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import io.dmskit.engine.LocalReplicationEngine;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An "existing" replication task to try things on offline: a source filled with the sample e-commerce data, and on
 * a {@link FakeDms} a finished {@code full-load} task that copied the shop schema to Parquet files in a
 * {@link LocalS3} bucket (by the local replication engine). It hands out what you would have for a real task:
 * the DMS client, the task ARN, the S3 client and a source {@link DataSource}.
 *
 * <pre>{@code
 * try (DemoTask task = DemoTask.start("embedded")) {      // or "mariadb://127.0.0.1:3306"
 *     VerificationReport report = Verifier.builder().source(task.source())
 *             .dms(task.dms()).taskArn(task.taskArn()).s3(task.s3()).build().verifyRowCounts();
 * }
 * }</pre>
 *
 * <p>On a server source the sample schema gets a random name, dropped by {@link #close()}.
 */
public final class DemoTask implements AutoCloseable {

    /** Identifier of the demo task. */
    public static final String TASK_ID = "ecommerce-to-s3-full-load";

    private final List<AutoCloseable> resources;
    private final SourceDatabase database;
    private final FakeDms dms;
    private final LocalS3 s3;
    private final String taskArn;
    private final ScenarioSchemas schemas;

    private DemoTask(List<AutoCloseable> resources, SourceDatabase database, FakeDms dms, LocalS3 s3, String taskArn,
            ScenarioSchemas schemas) {
        this.resources = resources;
        this.database = database;
        this.dms = dms;
        this.s3 = s3;
        this.taskArn = taskArn;
        this.schemas = schemas;
    }

    /**
     * Starts the source, loads the sample data, provisions and runs the full-load task, and waits until it finished.
     *
     * @param source {@code embedded} or a server URL such as {@code mariadb://127.0.0.1:3306} (see
     *        {@link QuickstartOptions})
     * @return the finished task
     * @throws Exception when a step fails (everything started so far is stopped)
     */
    public static DemoTask start(String source) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            boolean embedded = QuickstartOptions.EMBEDDED.equalsIgnoreCase(source.trim());
            ScenarioSchemas schemas = embedded ? ScenarioSchemas.GUIDE : ScenarioSchemas.withPrefix("demo"
                    + Long.toString(Math.abs(new SecureRandom().nextLong()) % 1_000_000_000L, 36) + "_");
            SourceDatabase db = embedded ? EmbeddedMariaDb.start(schemas.ecommerce())
                    : ServerSource.parse(source, schemas.ecommerce());
            resources.add(db);
            EcommerceSampleData.standard().load(db.adminDataSource(), db.engine(), schemas);
            db.prepareDmsLogin(List.of(schemas.ecommerce(), schemas.marketIntelligence()));
            if (!embedded) {
                resources.add(0, () -> dropSchemas(db, schemas));
            }

            LocalS3 s3 = LocalS3.started();
            resources.add(0, s3);
            s3.createBucket("ecommerce-data-lake");
            FakeClock clock = FakeClock.create();
            WallClockDriver ticking = WallClockDriver.drive(clock);
            resources.add(0, ticking);
            LocalReplicationEngine engine = LocalReplicationEngine.builder().s3(s3.client()).build();
            resources.add(0, engine);
            FakeSecretsManager secrets = FakeSecretsManager.builder().clock(clock).build();
            FakeDms dms = FakeDms.builder().clock(clock).secretsManager(secrets).replicationEngine(engine).build();
            resources.add(0, dms);

            Pipeline pipeline = pipeline(db, schemas);
            String arn;
            try (DmsProvisioner provisioner = DmsProvisioner.builder().dms(dms).secrets(secrets)
                    .pollInterval(Duration.ofMillis(100)).build()) {
                ApplyResult applied = provisioner.apply(pipeline);
                arn = applied.arn(ResourceKind.REPLICATION_TASK, TASK_ID);
                provisioner.start(pipeline);
            }
            new FullLoadMonitor(dms, Map.of(TASK_ID, arn), new PrintStream(OutputStream.nullOutputStream()))
                    .awaitFullLoad(Duration.ofMinutes(5));
            return new DemoTask(resources, db, dms, s3, arn, schemas);
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    private static Pipeline pipeline(SourceDatabase db, ScenarioSchemas schemas) {
        Endpoint.Builder source = switch (db.engine()) {
            case MARIADB -> Endpoint.mariadb("ecommerce-source");
            case MYSQL -> Endpoint.mysql("ecommerce-source");
            case POSTGRESQL -> Endpoint.postgres("ecommerce-source");
        };
        String literalSchema = Wildcards.literal(schemas.ecommerce());
        TableMappings mappings = TableMappings.builder()
                .rule(Rules.include(literalSchema, "%"))
                .rule(Rules.exclude(literalSchema, Wildcards.literal(ConfigurationGuideScenario.PROBE_TABLE)))
                .build();
        return Pipeline.builder("demo")
                .instance(ReplicationInstance.of("demo-instance", i -> i.instanceClass("dms.t3.medium")))
                .endpoint(source.source().serverName(db.host()).port(db.port())
                        .databaseName(db.endpointDatabaseName())
                        .managedSecret("demo/ecommerce-source", "arn:aws:iam::123456789012:role/dms-secrets",
                                db.dmsUsername(), Secret.of(db.dmsPassword()))
                        .build())
                .endpoint(Endpoint.s3("data-lake").target()
                        .s3Settings(s -> s.bucketName("ecommerce-data-lake").bucketFolder("raw")
                                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3")
                                .dataFormat(S3DataFormat.PARQUET))
                        .build())
                .task(TASK_ID, t -> t.source("ecommerce-source").target("data-lake")
                        .replicationInstance("demo-instance").migrationType(MigrationType.FULL_LOAD)
                        .tableMappings(mappings))
                .build();
    }

    /** @return the DMS client (a FakeDms here; {@code DatabaseMigrationClient.create()} for real AWS) */
    public DatabaseMigrationClient dms() {
        return dms;
    }

    /** @return the finished task's ARN */
    public String taskArn() {
        return taskArn;
    }

    /** @return an S3 client for the target bucket */
    public S3Client s3() {
        return s3.client();
    }

    /** @return a data source for the source database (it may read every replicated schema) */
    public DataSource source() {
        return database.adminDataSource();
    }

    /** @return the source schemas (the task replicates the shop schema) */
    public ScenarioSchemas schemas() {
        return schemas;
    }

    /** @return the source, without secrets */
    public String describeSource() {
        return database.describe();
    }

    /** Stops the fake AWS and the source (or drops the sample schemas on a server). */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void dropSchemas(SourceDatabase db, ScenarioSchemas schemas) throws Exception {
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String schema : List.of(schemas.ecommerce(), schemas.marketIntelligence())) {
                s.execute(db.engine().isMySqlFamily() ? "DROP DATABASE IF EXISTS " + schema
                        : "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(DemoTask.class).warn("closing {} failed: {}", r, e.toString());
            }
        }
        resources.clear();
    }
}
