package io.dmskit.verify.bench;

import io.dmskit.testsupport.MemoryProbe;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import io.dmskit.mappings.SqlDialect;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.KeyRange;
import io.dmskit.verify.internal.content.TableSide;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Benchmark harness, skipped unless {@code -Ddmskit.bench.content=<rows>} is set: content verification of an identical MariaDB -> PostgreSQL table against the
 * slower side's own checksum scan of it, checksum queries for k differing rows in n, and peak heap for n and n/10
 * rows. Prints the figures docs/content-verification.md quotes.
 *
 * <pre>
 * ./mvnw -B -q -o -pl dms-verify -am test -Dtest=ContentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Ddmskit.bench.content=1000000
 * </pre>
 * System properties: {@code dmskit.bench.content} (rows), {@code dmskit.bench.content.k} (differing rows, default
 * {@code 1,10,1000}), {@code dmskit.bench.content.heap} (measure peak heap, default true),
 * {@code dmskit.bench.content.keep} (default false: keep the loaded tables in schema {@code dmskit_cbench_keep_<rows>}
 * on both servers and reuse them on the next run when their row counts are right and no run left them modified).
 * Tables are generated inside the servers ({@code seq_1_to_N}, {@code generate_series}), the primary key built after
 * the load on PostgreSQL, then analysed (and vacuumed), so 10M rows load in minutes.
 */
class ContentBenchmark {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();

    @Test
    @DisplayName("content verification benchmark (set -Ddmskit.bench.content=<rows>)")
    void benchmark() throws Exception {
        String prop = System.getProperty("dmskit.bench.content");
        assumeTrue(prop != null, "benchmark: set -Ddmskit.bench.content=<rows>");
        long rows = Long.parseLong(prop);
        boolean keep = Boolean.parseBoolean(System.getProperty("dmskit.bench.content.keep", "false"));
        String schema = keep ? "dmskit_cbench_keep_" + rows : TestDatabases.uniqueName("dmskit_cbench");
        boolean reuse = keep && loaded(schema, rows);
        if (!reuse) {
            TestDatabases.dropSchema(MY, schema, false);
            TestDatabases.dropSchema(PG, schema, true);
            TestDatabases.createSchema(MY, schema);
            TestDatabases.createSchema(PG, schema);
        }
        try {
            System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, max heap %d MiB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "MariaDB %s, PostgreSQL %s%n", version(MY), version(PG));
            long t0 = System.nanoTime();
            if (reuse) {
                System.out.printf(Locale.ROOT, "Reusing the tables kept in %s (%,d + %,d rows)%n", schema, rows,
                        rows / 10);
            } else {
                create(schema, "big", rows);
                create(schema, "small", Math.max(1, rows / 10));
                TestDatabases.exec(MY, "CREATE TABLE " + schema + ".bench_state (dirty INT)",
                        "INSERT INTO " + schema + ".bench_state VALUES (0)");
                System.out.printf(Locale.ROOT, "Loaded %,d + %,d rows on both sides in %.1f s (%s)%n", rows,
                        rows / 10, secs(t0), load());
            }

            // 1. the physical limit: each side's own checksum scan of the table (the same SQL the verifier runs)
            double my = ownScan(MY, SqlDialect.MYSQL, schema, "big");
            double pg = ownScan(PG, SqlDialect.POSTGRESQL, schema, "big");
            double myPlain = scan(MY, schema, "big", true);
            double pgPlain = scan(PG, schema, "big", false);
            double slower = Math.max(my, pg);
            String scanLoad = load();
            Verifier verifier = verifier(schema, "big");
            verify(verifier); // warm-up
            long v0 = System.nanoTime();
            VerificationReport r = verify(verifier);
            double total = secs(v0);
            String verifyLoad = load();
            TableContent c = r.tables().get(0).content().orElseThrow();
            System.out.printf(Locale.ROOT, "%n== Identical table, %,d rows, MariaDB -> PostgreSQL%n", rows);
            System.out.printf(Locale.ROOT, "each side's checksum scan alone (the verifier's canonical row hash, whole"
                    + " table, one query): MariaDB %.2f s, PostgreSQL %.2f s (slower %.2f s) (%s)%n", my, pg, slower,
                    scanLoad);
            System.out.printf(Locale.ROOT, "a plain checksum scan (MD5 of CONCAT_WS of the raw columns): MariaDB %.2f s,"
                    + " PostgreSQL %.2f s%n", myPlain, pgPlain);
            System.out.printf(Locale.ROOT, "content verification: %.2f s = %.2fx the slower scan (%s, %d queries)"
                    + " (%s)%n", total, total / slower, r.tables().get(0).status(), c.checksumQueries(), verifyLoad);
            System.out.println("reladiff (published, their hardware): 25M identical rows in < 10 s");

            // 2. k differing rows in n: checksum queries ~ k log n
            System.out.printf(Locale.ROOT, "%n== k differing rows in %,d%n", rows);
            System.out.println("k      queries  rows fetched  found  seconds  load");
            for (String ks : System.getProperty("dmskit.bench.content.k", "1,10,1000").split(",")) {
                if (ks.isBlank()) {
                    continue; // -Ddmskit.bench.content.k= : none
                }
                int k = Integer.parseInt(ks.trim());
                long step = Math.max(1, rows / k);
                String ids = "id % " + step + " = 7 AND id <= " + (step * k);
                TestDatabases.exec(MY, "UPDATE " + schema + ".bench_state SET dirty = 1");
                TestDatabases.exec(PG, "UPDATE " + schema + ".big SET name = name || 'x' WHERE " + ids);
                try {
                    long k0 = System.nanoTime();
                    VerificationReport kr = verify(verifier);
                    double ksecs = secs(k0);
                    TableContent kc = kr.tables().get(0).content().orElseThrow();
                    System.out.printf(Locale.ROOT, "%-6d %7d  %12d  %5d  %7.2f  %s%n", k, kc.checksumQueries(),
                            kc.rowsFetched(), kc.differing(), ksecs, load());
                } finally {
                    TestDatabases.exec(PG, "UPDATE " + schema + ".big SET name = left(name, length(name) - 1)"
                            + " WHERE " + ids);
                    TestDatabases.exec(MY, "UPDATE " + schema + ".bench_state SET dirty = 0");
                }
            }

            // 3. peak heap, n and n/10 rows
            if (Boolean.parseBoolean(System.getProperty("dmskit.bench.content.heap", "true"))) {
                System.out.printf(Locale.ROOT, "%n== Peak retained heap during content verification%n");
                for (String table : List.of("small", "big")) {
                    Verifier v = verifier(schema, table);
                    long peak = MemoryProbe.peakRetained(() -> verify(v));
                    System.out.printf(Locale.ROOT, "%-5s table: %,d KiB (%s)%n", table, peak >> 10, load());
                }
            }
        } finally {
            if (!keep) {
                TestDatabases.dropSchema(MY, schema, false);
                TestDatabases.dropSchema(PG, schema, true);
            }
        }
    }

    /** Whether a kept schema holds both tables with the right row counts on both sides and no left-over change. */
    private static boolean loaded(String schema, long rows) {
        try {
            return count(MY, "SELECT dirty FROM " + schema + ".bench_state") == 0
                    && count(MY, "SELECT COUNT(*) FROM " + schema + ".big") == rows
                    && count(PG, "SELECT COUNT(*) FROM " + schema + ".big") == rows
                    && count(MY, "SELECT COUNT(*) FROM " + schema + ".small") == Math.max(1, rows / 10)
                    && count(PG, "SELECT COUNT(*) FROM " + schema + ".small") == Math.max(1, rows / 10);
        } catch (java.sql.SQLException e) {
            return false; // not there (yet)
        }
    }

    private static long count(DataSource ds, String sql) throws java.sql.SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String version(DataSource ds) throws java.sql.SQLException {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    /** The machine's load average (1, 5, 15 minutes) now, as {@code uptime} prints it. */
    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    private static Verifier verifier(String schema, String table) {
        return Verifier.builder().source(MY).tables(SourceTable.of(schema, table))
                .target(JdbcTarget.of(PG, "postgresql")).parallelism(1).build();
    }

    private static VerificationReport verify(Verifier v) {
        return ContentVerifier.of(v).verify();
    }

    private static void create(String schema, String table, long rows) {
        String cols = "(id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2), created %s, flag SMALLINT)";
        TestDatabases.exec(MY, "CREATE TABLE " + schema + "." + table + cols.formatted("DATETIME(6)"),
                "INSERT INTO " + schema + "." + table + " SELECT seq, CONCAT('customer-', seq), seq % 100000 / 7,"
                        + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq SECOND, seq % 3 FROM seq_1_to_" + rows);
        TestDatabases.exec(MY, "ANALYZE TABLE " + schema + "." + table);
        // PostgreSQL: the index built after the load (faster than maintaining it row by row), then VACUUM so the
        // first timed scan does not pay for setting hint bits
        TestDatabases.exec(PG, "CREATE TABLE " + schema + "." + table
                        + cols.replace(" PRIMARY KEY", "").formatted("TIMESTAMP(6)"),
                "INSERT INTO " + schema + "." + table + " SELECT s, 'customer-' || s, round((s % 100000) / 7.0, 2),"
                        + " TIMESTAMP '2024-01-01 00:00:00' + s * INTERVAL '1 second', s % 3"
                        + " FROM generate_series(1, " + rows + ") s",
                "ALTER TABLE " + schema + "." + table + " ADD PRIMARY KEY (id)",
                "VACUUM ANALYZE " + schema + "." + table);
    }

    /** The verifier's own whole-table digest query on one side, alone, best of two. */
    private static double ownScan(DataSource ds, SqlDialect d, String schema, String table) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            try (TableSide.Session session = new TableSide.Session()) {
                TableSide side = new TableSide(ds, d, d.qualified(schema, table),
                        List.of("id", "name", "amount", "created", "flag"), List.of(Kind.INTEGER, Kind.TEXT,
                        Kind.DECIMAL, Kind.TIMESTAMP, Kind.INTEGER), 1, Optional.empty(), Duration.ZERO,
                        new AtomicLong(), session);
                long t0 = System.nanoTime();
                side.digests(KeyRange.ALL, List.of(), () -> { });
                best = Math.min(best, secs(t0));
            }
        }
        return best;
    }

    /** One full checksum scan of MD5(CONCAT_WS(raw columns)), best of two. */
    private static double scan(DataSource ds, String schema, String table, boolean mysql) throws Exception {
        String text = mysql
                ? "CONCAT(IF(id IS NULL,'N;',CONCAT('S',CHAR_LENGTH(CAST(id AS CHAR)),':',CAST(id AS CHAR),';')),"
                  + "IF(name IS NULL,'N;',CONCAT('S',CHAR_LENGTH(name),':',name,';')))"
                : "(CASE WHEN id IS NULL THEN 'N;' ELSE 'S'||char_length(id::text)||':'||id::text||';' END ||"
                  + " CASE WHEN name IS NULL THEN 'N;' ELSE 'S'||char_length(name)||':'||name||';' END)";
        String hash = mysql ? "CAST(CONV(LEFT(MD5(" + text + "),15),16,10) AS UNSIGNED)"
                : "('x'||left(md5(" + text + "),15))::bit(60)::bigint";
        String all = mysql
                ? "CONCAT_WS('|', id, name, amount, DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s.%f'), flag)"
                : "concat_ws('|', id, name, amount, to_char(created, 'YYYY-MM-DD HH24:MI:SS.US'), flag)";
        String sql = "SELECT COUNT(*), SUM(" + hash.replace(text, all) + ") FROM " + schema + "." + table;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(sql)) {
                rs.next();
            }
            best = Math.min(best, secs(t0));
        }
        return best;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

}
