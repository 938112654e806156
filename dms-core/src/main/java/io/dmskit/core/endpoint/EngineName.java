package io.dmskit.core.endpoint;

import java.util.Locale;

/** DMS endpoint engines dmskit models with typed settings ({@code EngineName}). */
public enum EngineName {
    /** MySQL. */
    MYSQL("mysql", Family.MYSQL),
    /** MariaDB (MySQL settings). */
    MARIADB("mariadb", Family.MYSQL),
    /** Aurora MySQL (MySQL settings). */
    AURORA_MYSQL("aurora", Family.MYSQL),
    /** PostgreSQL. */
    POSTGRES("postgres", Family.POSTGRES),
    /** Aurora PostgreSQL (PostgreSQL settings). */
    AURORA_POSTGRESQL("aurora-postgresql", Family.POSTGRES),
    /** Oracle. */
    ORACLE("oracle", Family.ORACLE),
    /** Microsoft SQL Server. */
    SQLSERVER("sqlserver", Family.SQLSERVER),
    /** Amazon S3. */
    S3("s3", Family.S3),
    /** Amazon Kinesis Data Streams. */
    KINESIS("kinesis", Family.KINESIS);

    /** Groups of engines sharing one settings structure. */
    public enum Family {
        /** MySQLSettings. */
        MYSQL,
        /** PostgreSQLSettings. */
        POSTGRES,
        /** OracleSettings. */
        ORACLE,
        /** MicrosoftSQLServerSettings. */
        SQLSERVER,
        /** S3Settings. */
        S3,
        /** KinesisSettings. */
        KINESIS
    }

    private final String wireValue;
    private final Family family;

    EngineName(String wireValue, Family family) {
        this.wireValue = wireValue;
        this.family = family;
    }

    /** {@return the engine name DMS uses} */
    public String wireValue() {
        return wireValue;
    }

    /** {@return the settings family} */
    public Family family() {
        return family;
    }

    /** {@return whether this engine is a relational database (needs server, port and credentials)} */
    public boolean isDatabase() {
        return family != Family.S3 && family != Family.KINESIS;
    }

    /**
     * {@return the constant, or null when unknown}
     *
     * @param value an engine name as DMS reports it
     */
    public static EngineName fromWire(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (EngineName e : values()) {
            if (e.wireValue.equals(v)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
