package io.dmskit.testkit.internal.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The endpoint engines DMS knows: display name, whether they can be a source and/or a target, settings kind. */
final class Engines {

    /** How an engine connects: a relational database (server, port, user, password) or a service. */
    enum Kind { RELATIONAL, DOCUMENT, SERVICE }

    record Engine(String name, String displayName, boolean source, boolean target, Kind kind, Integer defaultPort) {
    }

    static final Map<String, Engine> ALL = new LinkedHashMap<>();

    static {
        add("mysql", "MySQL", true, true, Kind.RELATIONAL, 3306);
        add("mariadb", "MariaDB", true, true, Kind.RELATIONAL, 3306);
        add("aurora", "Amazon Aurora MySQL", true, true, Kind.RELATIONAL, 3306);
        add("aurora-serverless", "Amazon Aurora Serverless", true, true, Kind.RELATIONAL, 3306);
        add("gcp-mysql", "Google Cloud SQL for MySQL", true, false, Kind.RELATIONAL, 3306);
        add("postgres", "PostgreSQL", true, true, Kind.RELATIONAL, 5432);
        add("aurora-postgresql", "Amazon Aurora PostgreSQL", true, true, Kind.RELATIONAL, 5432);
        add("aurora-postgresql-serverless", "Amazon Aurora PostgreSQL Serverless", true, true, Kind.RELATIONAL,
                5432);
        add("oracle", "Oracle", true, true, Kind.RELATIONAL, 1521);
        add("sqlserver", "Microsoft SQL Server", true, true, Kind.RELATIONAL, 1433);
        add("azuredb", "Azure SQL Database", true, true, Kind.RELATIONAL, 1433);
        add("azure-sql-managed-instance", "Azure SQL Managed Instance", true, true, Kind.RELATIONAL, 1433);
        add("babelfish", "Babelfish for Aurora PostgreSQL", false, true, Kind.RELATIONAL, 1433);
        add("sybase", "SAP ASE", true, true, Kind.RELATIONAL, 5000);
        add("db2", "IBM Db2 for Linux, Unix, and Windows", true, true, Kind.RELATIONAL, 50000);
        add("db2-zos", "IBM Db2 for z/OS", true, false, Kind.RELATIONAL, 446);
        add("redshift", "Amazon Redshift", false, true, Kind.RELATIONAL, 5439);
        add("redshift-serverless", "Amazon Redshift Serverless", false, true, Kind.RELATIONAL, 5439);
        add("mongodb", "MongoDB", true, true, Kind.DOCUMENT, 27017);
        add("docdb", "Amazon DocumentDB", true, true, Kind.DOCUMENT, 27017);
        add("s3", "Amazon S3", true, true, Kind.SERVICE, null);
        add("dynamodb", "Amazon DynamoDB", false, true, Kind.SERVICE, null);
        add("kinesis", "Amazon Kinesis", false, true, Kind.SERVICE, null);
        add("kafka", "Kafka", false, true, Kind.SERVICE, null);
        add("elasticsearch", "Elasticsearch", false, true, Kind.SERVICE, null);
        add("opensearch", "Amazon OpenSearch Service", false, true, Kind.SERVICE, null);
        add("neptune", "Amazon Neptune", false, true, Kind.SERVICE, null);
        add("redis", "Redis", false, true, Kind.SERVICE, 6379);
        add("timestream", "Amazon Timestream", false, true, Kind.SERVICE, null);
        add("dms-transfer", "DMS Transfer", false, true, Kind.SERVICE, null);
    }

    private static void add(String name, String display, boolean source, boolean target, Kind kind, Integer port) {
        ALL.put(name, new Engine(name, display, source, target, kind, port));
    }

    private Engines() {
    }

    static Optional<Engine> find(String name) {
        return Optional.ofNullable(name == null ? null : ALL.get(name));
    }
}
