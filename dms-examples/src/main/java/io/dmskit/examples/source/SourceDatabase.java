package io.dmskit.examples.source;

import javax.sql.DataSource;

/**
 * The SQL source of the quickstart: a server the example may write to (sample data, CDC probe rows) and the
 * login that the DMS source endpoint uses (kept in Secrets Manager, never printed).
 */
public interface SourceDatabase extends AutoCloseable {

    /** @return the engine */
    SourceEngine engine();

    /** @return host name as the DMS endpoint's ServerName */
    String host();

    /** @return TCP port */
    int port();

    /**
     * @return the database the DMS endpoint names: for PostgreSQL the database that holds the schemas; for
     *         MariaDB/MySQL the main schema (DMS reads any schema the table mappings select)
     */
    String endpointDatabaseName();

    /** @return a data source with rights to create schemas and write rows (seeding, CDC probes, verification) */
    DataSource adminDataSource();

    /** @return the user name the DMS endpoint logs in with */
    String dmsUsername();

    /** @return the password the DMS endpoint logs in with; goes into Secrets Manager only */
    String dmsPassword();

    /**
     * Makes sure the DMS login can read the given schemas (and the change log) once they exist. On servers the
     * example does not own, this creates a dedicated user with a random password for this run (dropped by
     * {@link #close()}), so that no existing password is needed or shown.
     *
     * @param schemas the schemas DMS replicates
     * @throws java.sql.SQLException when the login cannot be created or granted
     */
    default void prepareDmsLogin(java.util.List<String> schemas) throws java.sql.SQLException {
    }

    /** @return a short description for the console, without secrets, e.g. "embedded MariaDB 11.4.5 on port 40123" */
    String describe();

    /** @return true when the example started this server itself (then it owns all its schemas) */
    boolean embedded();

    /** Stops the server when the example started it; otherwise nothing. */
    @Override
    void close();
}
