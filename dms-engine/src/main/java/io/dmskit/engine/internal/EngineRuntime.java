package io.dmskit.engine.internal;

import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * The working part of a local replication engine, behind {@code LocalReplicationEngine}: the task replications it
 * runs, the polling images they keep across stop and resume, and the connection tests and schema listings. The
 * only type of this package (besides {@link EngineConfig}) that the engine's API package uses. Thread-safe.
 */
public final class EngineRuntime {

    private final EngineConfig config;
    private final Map<String, PollingCapture.Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, TaskReplication> running = new ConcurrentHashMap<>();

    /** @param config the engine's settings */
    public EngineRuntime(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Starts replicating a task, stopping a replication of the same task that still runs.
     *
     * @param context the task and its endpoints
     * @return the handle FakeDms stops and reloads the replication with
     */
    public RunningReplication start(ReplicationContext context) {
        Objects.requireNonNull(context, "context");
        String arn = context.task().replicationTaskArn();
        TaskReplication replication = new TaskReplication(context, config, snapshots);
        TaskReplication previous = running.put(arn, replication);
        if (previous != null) {
            previous.stop();
        }
        replication.start();
        return new RunningReplication() {
            @Override
            public void stop() {
                replication.stop();
                running.remove(arn, replication);
            }

            @Override
            public void reload(List<TableToReload> tables, ReloadOptionValue option) {
                replication.reload(tables, option);
            }
        };
    }

    /**
     * @param taskArn a task's ARN
     * @return the running task's capture mode ("binlog", "logical", "polling" or "none"); empty when it does not run
     */
    public Optional<String> cdcModeOf(String taskArn) {
        return Optional.ofNullable(running.get(taskArn)).map(TaskReplication::captureMode);
    }

    /**
     * Really connects: a JDBC login and {@code SELECT 1} for MySQL/MariaDB/PostgreSQL endpoints, HeadBucket for S3
     * endpoints.
     *
     * @return empty when the connection works, otherwise what failed
     */
    public Optional<String> testConnection(Endpoint endpoint, EndpointCredentials credentials) {
        String engine = endpoint.engineName() == null ? "" : endpoint.engineName().toLowerCase(Locale.ROOT);
        if (engine.equals("s3")) {
            return testS3(endpoint);
        }
        if (Dialect.ofEngineName(engine).isEmpty()) {
            return Optional.of("The local replication engine cannot connect to engine '" + endpoint.engineName()
                    + "' (supported: s3, mysql, mariadb, aurora, postgres, aurora-postgresql)");
        }
        JdbcEndpoint jdbc;
        try {
            jdbc = JdbcEndpoint.of(endpoint, credentials, (int) config.connectTimeout().toSeconds());
        } catch (EngineException e) {
            return Optional.of(e.getMessage());
        }
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("Failed to connect to database " + jdbc.host() + ":" + jdbc.port()
                    + jdbc.database().map(d -> "/" + d).orElse("") + " as '" + jdbc.username() + "': " + e.getMessage());
        }
    }

    /**
     * Lists the schemas (MySQL/MariaDB: databases) of a database endpoint, without the system schemas.
     *
     * @return the schema names; empty for S3 and other non-database endpoints
     * @throws IllegalStateException with the failure message when the database cannot be reached
     */
    public Optional<List<String>> listSchemas(Endpoint endpoint, EndpointCredentials credentials) {
        String engine = endpoint.engineName() == null ? "" : endpoint.engineName().toLowerCase(Locale.ROOT);
        Optional<Dialect> dialect = Dialect.ofEngineName(engine);
        if (dialect.isEmpty()) {
            return Optional.empty();
        }
        JdbcEndpoint jdbc;
        try {
            jdbc = JdbcEndpoint.of(endpoint, credentials, (int) config.connectTimeout().toSeconds());
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        String sql = dialect.get() == Dialect.MYSQL
                ? "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN"
                        + " ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY schema_name"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN"
                        + " ('information_schema', 'pg_catalog', 'pg_toast') AND schema_name NOT LIKE 'pg\\_temp\\_%'"
                        + " AND schema_name NOT LIKE 'pg\\_toast\\_temp\\_%' ORDER BY schema_name";
        try (Connection c = jdbc.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return Optional.of(List.copyOf(names));
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to connect to database " + jdbc.host() + ":" + jdbc.port()
                    + " as '" + jdbc.username() + "': " + e.getMessage(), e);
        }
    }

    private Optional<String> testS3(Endpoint endpoint) {
        if (endpoint.s3Settings() == null || endpoint.s3Settings().bucketName() == null) {
            return Optional.of("S3 endpoint '" + endpoint.endpointIdentifier() + "' has no BucketName");
        }
        String bucket = endpoint.s3Settings().bucketName();
        if (config.s3() == null) {
            return Optional.of("The local replication engine has no S3 client to reach bucket '" + bucket + "'");
        }
        return S3Target.bucketProblem(config.s3(), bucket);
    }

    /** Stops every replication this runtime runs (the executor in the settings is left to its owner). */
    public void stopAll() {
        List<TaskReplication> all = new ArrayList<>(running.values());
        running.clear();
        all.forEach(TaskReplication::stop);
    }
}
