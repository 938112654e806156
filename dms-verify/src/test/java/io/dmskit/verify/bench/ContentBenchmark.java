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
import java.util.Set;
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
 * {@code 1,10,1000}), {@code dmskit.bench.content.heap} (measure peak heap, default true).
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
        String schema = TestDatabases.uniqueName("dmskit_cbench");
        TestDatabases.createSchema(MY, schema);
        TestDatabases.createSchema(PG, schema);
        try {
            System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, max heap %d MiB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            long t0 = System.nanoTime();
            create(schema, "big", rows);
            create(schema, "small", Math.max(1, rows / 10));
            System.out.printf(Locale.ROOT, "Loaded %,d + %,d rows on both sides in %.1f s%n", rows, rows / 10,
                    secs(t0));

            // 1. the physical limit: each side's own checksum scan of the table (the same SQL the verifier runs)
            double my = ownScan(MY, SqlDialect.MYSQL, schema, "big");
            double pg = ownScan(PG, SqlDialect.POSTGRESQL, schema, "big");
            double myPlain = scan(MY, schema, "big", true);
            double pgPlain = scan(PG, schema, "big", false);
            double slower = Math.max(my, pg);
            Verifier verifier = verifier(schema, "big");
            verify(verifier); // warm-up
            long v0 = System.nanoTime();
            VerificationReport r = verify(verifier);
            double total = secs(v0);
            TableContent c = r.tables().get(0).content().orElseThrow();
            System.out.printf(Locale.ROOT, "%n== Identical table, %,d rows, MariaDB -> PostgreSQL%n", rows);
            System.out.printf(Locale.ROOT, "each side's checksum scan alone (the verifier's canonical row hash, whole"
                    + " table, one query): MariaDB %.2f s, PostgreSQL %.2f s (slower %.2f s)%n", my, pg, slower);
            System.out.printf(Locale.ROOT, "a plain checksum scan (MD5 of CONCAT_WS of the raw columns): MariaDB %.2f s,"
                    + " PostgreSQL %.2f s%n", myPlain, pgPlain);
            System.out.printf(Locale.ROOT, "content verification: %.2f s = %.2fx the slower scan (%s, %d queries)%n",
                    total, total / slower, r.tables().get(0).status(), c.checksumQueries());
            System.out.println("reladiff (published, their hardware): 25M identical rows in < 10 s");

            // 2. k differing rows in n: checksum queries ~ k log n
            System.out.printf(Locale.ROOT, "%n== k differing rows in %,d%n", rows);
            System.out.println("k      queries  rows fetched  found  seconds");
            for (String ks : System.getProperty("dmskit.bench.content.k", "1,10,1000").split(",")) {
                int k = Integer.parseInt(ks.trim());
                long step = Math.max(1, rows / k);
                String ids = "id % " + step + " = 7 AND id <= " + (step * k);
                TestDatabases.exec(PG, "UPDATE " + schema + ".big SET name = name || 'x' WHERE " + ids);
                long k0 = System.nanoTime();
                VerificationReport kr = verify(verifier);
                double ksecs = secs(k0);
                TableContent kc = kr.tables().get(0).content().orElseThrow();
                System.out.printf(Locale.ROOT, "%-6d %7d  %12d  %5d  %7.2f%n", k, kc.checksumQueries(),
                        kc.rowsFetched(), kc.differing(), ksecs);
                TestDatabases.exec(PG, "UPDATE " + schema + ".big SET name = left(name, length(name) - 1) WHERE "
                        + ids);
            }

            // 3. peak heap, n and n/10 rows
            if (Boolean.parseBoolean(System.getProperty("dmskit.bench.content.heap", "true"))) {
                System.out.printf(Locale.ROOT, "%n== Peak retained heap during content verification%n");
                for (String table : List.of("small", "big")) {
                    Verifier v = verifier(schema, table);
                    long peak = MemoryProbe.peakRetained(() -> verify(v));
                    System.out.printf(Locale.ROOT, "%-5s table: %,d KiB%n", table, peak >> 10);
                }
            }
        } finally {
            TestDatabases.dropSchema(MY, schema, false);
            TestDatabases.dropSchema(PG, schema, true);
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
        TestDatabases.exec(PG, "CREATE TABLE " + schema + "." + table + cols.formatted("TIMESTAMP(6)"),
                "INSERT INTO " + schema + "." + table + " SELECT s, 'customer-' || s, round((s % 100000) / 7.0, 2),"
                        + " TIMESTAMP '2024-01-01 00:00:00' + s * INTERVAL '1 second', s % 3"
                        + " FROM generate_series(1, " + rows + ") s",
                "ANALYZE " + schema + "." + table);
    }

    /** The verifier's own whole-table digest query on one side, alone, best of two. */
    private static double ownScan(DataSource ds, SqlDialect d, String schema, String table) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            try (TableSide.Session session = new TableSide.Session()) {
                TableSide side = new TableSide(ds, d, d.qualified(schema, table),
                        List.of("id", "name", "amount", "created", "flag"), List.of(Kind.INTEGER, Kind.TEXT,
                        Kind.DECIMAL, Kind.TIMESTAMP, Kind.INTEGER), 1, Optional.empty(), Duration.ZERO,
                        new AtomicLong(), Set.of(), session);
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
