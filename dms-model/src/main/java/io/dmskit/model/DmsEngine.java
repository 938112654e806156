package io.dmskit.model;

import io.dmskit.model.internal.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of the endpoint engines DMS knows ({@code EngineName} in CreateEndpoint), as the DMS API reference and
 * DescribeEndpointTypes list them: whether it can be a source and/or a target, how it connects, which SQL family it
 * speaks, its default port, and which {@code *Settings} member of an endpoint carries its settings. FakeDms validates
 * endpoints with this catalog and the local engine picks its SQL dialect from {@link #family()}.
 *
 * <pre>{@code
 * DmsEngine.find("aurora-postgresql").map(DmsEngine::family);   // Optional[POSTGRESQL]
 * }</pre>
 *
 * @param name the {@code EngineName} wire value, e.g. {@code "aurora-postgresql"}
 * @param displayName the name the console shows
 * @param source whether it can be a source endpoint
 * @param target whether it can be a target endpoint
 * @param kind how it connects
 * @param family the database family it belongs to
 * @param defaultPort the port DMS assumes when none is given, if it has one
 * @param settingsMember the endpoint member holding its settings, e.g. {@code "PostgreSQLSettings"}
 * @param requiresDatabaseName whether CreateEndpoint needs a {@code DatabaseName} when no secret supplies it
 */
public record DmsEngine(String name, String displayName, boolean source, boolean target, Kind kind, Family family,
                        OptionalInt defaultPort, String settingsMember, boolean requiresDatabaseName) {

    /** How an engine is reached. */
    public enum Kind {
        /** A relational database: server, port, user name and password (or a secret). */
        RELATIONAL,
        /** A document database (MongoDB, DocumentDB). */
        DOCUMENT,
        /** An AWS or streaming service reached through its own settings (S3, Kinesis, Kafka, ...). */
        SERVICE
    }

    /** The family of engines that speak the same protocol and SQL. */
    public enum Family {
        /** MySQL, MariaDB, Aurora MySQL, Cloud SQL for MySQL. */
        MYSQL,
        /** PostgreSQL and Aurora PostgreSQL. */
        POSTGRESQL,
        /** Oracle. */
        ORACLE,
        /** SQL Server, Azure SQL, Babelfish. */
        SQLSERVER,
        /** SAP ASE. */
        SYBASE,
        /** IBM Db2. */
        DB2,
        /** Amazon Redshift. */
        REDSHIFT,
        /** MongoDB and DocumentDB. */
        MONGODB,
        /** Any other service (S3, DynamoDB, Kinesis, Kafka, OpenSearch, Neptune, Redis, Timestream, ...). */
        OTHER
    }

    private static final Map<String, DmsEngine> ALL = catalog();

    /** Validates. */
    public DmsEngine {
        Args.required(name, "DmsEngine: name");
        Args.required(displayName, "DmsEngine: displayName");
        Args.required(kind, "DmsEngine: kind");
        Args.required(family, "DmsEngine: family");
        Args.required(defaultPort, "DmsEngine: defaultPort");
        Args.required(settingsMember, "DmsEngine: settingsMember");
    }

    /** {@return every engine DMS knows, in a stable order} */
    public static List<DmsEngine> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * {@return the engine, empty for null or an engine DMS does not know}
     *
     * @param engineName an {@code EngineName} as DMS takes or echoes it (any case, surrounding blanks ignored)
     */
    public static Optional<DmsEngine> find(String engineName) {
        return engineName == null ? Optional.empty()
                : Optional.ofNullable(ALL.get(engineName.trim().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, DmsEngine> catalog() {
        Map<String, DmsEngine> m = new LinkedHashMap<>();
        Kind r = Kind.RELATIONAL;
        Kind s = Kind.SERVICE;
        add(m, "mysql", "MySQL", true, true, r, Family.MYSQL, 3306, "MySQLSettings", false);
        add(m, "mariadb", "MariaDB", true, true, r, Family.MYSQL, 3306, "MySQLSettings", false);
        add(m, "aurora", "Amazon Aurora MySQL", true, true, r, Family.MYSQL, 3306, "MySQLSettings", false);
        add(m, "aurora-serverless", "Amazon Aurora Serverless", true, true, r, Family.MYSQL, 3306, "MySQLSettings",
                false);
        add(m, "gcp-mysql", "Google Cloud SQL for MySQL", true, false, r, Family.MYSQL, 3306, "GcpMySQLSettings",
                false);
        add(m, "postgres", "PostgreSQL", true, true, r, Family.POSTGRESQL, 5432, "PostgreSQLSettings", true);
        add(m, "aurora-postgresql", "Amazon Aurora PostgreSQL", true, true, r, Family.POSTGRESQL, 5432,
                "PostgreSQLSettings", true);
        add(m, "aurora-postgresql-serverless", "Amazon Aurora PostgreSQL Serverless", true, true, r,
                Family.POSTGRESQL, 5432, "PostgreSQLSettings", true);
        add(m, "oracle", "Oracle", true, true, r, Family.ORACLE, 1521, "OracleSettings", true);
        add(m, "sqlserver", "Microsoft SQL Server", true, true, r, Family.SQLSERVER, 1433,
                "MicrosoftSQLServerSettings", true);
        add(m, "azuredb", "Azure SQL Database", true, true, r, Family.SQLSERVER, 1433, "MicrosoftSQLServerSettings",
                true);
        add(m, "azure-sql-managed-instance", "Azure SQL Managed Instance", true, true, r, Family.SQLSERVER, 1433,
                "MicrosoftSQLServerSettings", false);
        add(m, "babelfish", "Babelfish for Aurora PostgreSQL", false, true, r, Family.SQLSERVER, 1433,
                "MicrosoftSQLServerSettings", true);
        add(m, "sybase", "SAP ASE", true, true, r, Family.SYBASE, 5000, "SybaseSettings", false);
        add(m, "db2", "IBM Db2 for Linux, Unix, and Windows", true, true, r, Family.DB2, 50000, "IBMDb2Settings",
                true);
        add(m, "db2-zos", "IBM Db2 for z/OS", true, false, r, Family.DB2, 446, "IBMDb2Settings", true);
        add(m, "redshift", "Amazon Redshift", false, true, r, Family.REDSHIFT, 5439, "RedshiftSettings", true);
        add(m, "redshift-serverless", "Amazon Redshift Serverless", false, true, r, Family.REDSHIFT, 5439,
                "RedshiftSettings", true);
        add(m, "mongodb", "MongoDB", true, true, Kind.DOCUMENT, Family.MONGODB, 27017, "MongoDbSettings", false);
        add(m, "docdb", "Amazon DocumentDB", true, true, Kind.DOCUMENT, Family.MONGODB, 27017, "DocDbSettings",
                false);
        add(m, "s3", "Amazon S3", true, true, s, Family.OTHER, 0, "S3Settings", false);
        add(m, "dynamodb", "Amazon DynamoDB", false, true, s, Family.OTHER, 0, "DynamoDbSettings", false);
        add(m, "kinesis", "Amazon Kinesis", false, true, s, Family.OTHER, 0, "KinesisSettings", false);
        add(m, "kafka", "Kafka", false, true, s, Family.OTHER, 0, "KafkaSettings", false);
        add(m, "elasticsearch", "Elasticsearch", false, true, s, Family.OTHER, 0, "ElasticsearchSettings", false);
        add(m, "opensearch", "Amazon OpenSearch Service", false, true, s, Family.OTHER, 0, "ElasticsearchSettings",
                false);
        add(m, "neptune", "Amazon Neptune", false, true, s, Family.OTHER, 0, "NeptuneSettings", false);
        add(m, "redis", "Redis", false, true, s, Family.OTHER, 6379, "RedisSettings", false);
        add(m, "timestream", "Amazon Timestream", false, true, s, Family.OTHER, 0, "TimestreamSettings", false);
        add(m, "dms-transfer", "DMS Transfer", false, true, s, Family.OTHER, 0, "DmsTransferSettings", false);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, DmsEngine> m, String name, String display, boolean source, boolean target,
                            Kind kind, Family family, int port, String settings, boolean databaseName) {
        m.put(name, new DmsEngine(name, display, source, target, kind, family,
                port == 0 ? OptionalInt.empty() : OptionalInt.of(port), settings, databaseName));
    }
}
