package io.dmskit.verify.bench;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.KeyRange;
import io.dmskit.verify.internal.content.TableSide;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Benchmark harness, skipped unless {@code -Ddmskit.bench.content.string=<rows>} is set: content verification of a
 * table keyed by a {@code VARCHAR} in a case-insensitive collation ({@code utf8mb4_general_ci} on MariaDB, the
 * database's default on PostgreSQL), identical and with k differing rows; prints the query count, the time and the
 * plan (EXPLAIN) of one range query on each side.
 *
 * <pre>
 * ./mvnw -B -q -o -pl dms-verify -am test -Dtest=StringKeyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Ddmskit.bench.content.string=1000000 [-Ddmskit.bench.content.k=1,10] [-Ddmskit.bench.content.keep=true]
 * </pre>
 * With {@code keep}, the tables stay in schema {@code dmskit_sbench_keep_<rows>} and are reused when complete.
 */
class StringKeyBenchmark {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();

    @Test
    @DisplayName("string-key content verification benchmark (set -Ddmskit.bench.content.string=<rows>)")
    void benchmark() throws Exception {
        String prop = System.getProperty("dmskit.bench.content.string");
        assumeTrue(prop != null, "benchmark: set -Ddmskit.bench.content.string=<rows>");
        long rows = Long.parseLong(prop);
        boolean keep = Boolean.parseBoolean(System.getProperty("dmskit.bench.content.keep", "false"));
        String schema = keep ? "dmskit_sbench_keep_" + rows : TestDatabases.uniqueName("dmskit_sbench");
        boolean reuse = keep && count(MY, "SELECT COUNT(*) FROM " + schema + ".codes") == rows
                && count(PG, "SELECT COUNT(*) FROM " + schema + ".codes") == rows;
        try {
            if (!reuse) {
                TestDatabases.dropSchema(MY, schema, false);
                TestDatabases.dropSchema(PG, schema, true);
                TestDatabases.createSchema(MY, schema);
                TestDatabases.createSchema(PG, schema);
                long t0 = System.nanoTime();
                // mixed case: binary order and the case-insensitive collation's order differ
                TestDatabases.exec(MY, "CREATE TABLE " + schema + ".codes (code VARCHAR(40) PRIMARY KEY,"
                                + " name VARCHAR(40), amount DECIMAL(12,2)) CHARACTER SET utf8mb4"
                                + " COLLATE utf8mb4_general_ci",
                        "INSERT INTO " + schema + ".codes SELECT CONCAT(IF(seq % 2 = 0, 'Cust-', 'cust-'),"
                                + " LPAD(seq, 8, '0')), CONCAT('customer-', seq), seq % 100000 / 7 FROM seq_1_to_"
                                + rows, "ANALYZE TABLE " + schema + ".codes");
                TestDatabases.exec(PG, "CREATE TABLE " + schema + ".codes (code VARCHAR(40), name VARCHAR(40),"
                                + " amount DECIMAL(12,2))",
                        "INSERT INTO " + schema + ".codes SELECT CASE WHEN s % 2 = 0 THEN 'Cust-' ELSE 'cust-' END"
                                + " || lpad(s::text, 8, '0'), 'customer-' || s, round((s % 100000) / 7.0, 2)"
                                + " FROM generate_series(1, " + rows + ") s",
                        "ALTER TABLE " + schema + ".codes ADD PRIMARY KEY (code)",
                        "VACUUM ANALYZE " + schema + ".codes");
                System.out.printf(Locale.ROOT, "Loaded %,d rows on both sides in %.1f s%n", rows, secs(t0));
            }
            System.out.printf(Locale.ROOT, "%n== String key (VARCHAR, utf8mb4_general_ci / PostgreSQL %s), %,d rows%n",
                    text(PG, "SELECT datcollate FROM pg_database WHERE datname = current_database()"), rows);
            // the plan of a range a second-level bisection reads (about 1/1,000 of the table)
            KeyRange range = new KeyRange(List.of("cust-00100001"), List.of("cust-00101001"));
            System.out.println("EXPLAIN of one range query, MariaDB:");
            explain(MY, SqlDialect.MYSQL, "`" + schema + "`.`codes`", range).forEach(l -> System.out.println("  " + l));
            System.out.println("EXPLAIN of one range query, PostgreSQL:");
            explain(PG, SqlDialect.POSTGRESQL, "\"" + schema + "\".\"codes\"", range)
                    .forEach(l -> System.out.println("  " + l));
            Verifier verifier = Verifier.builder().source(MY).tables(SourceTable.of(schema, "codes"))
                    .target(JdbcTarget.of(PG, "postgresql")).parallelism(1).build();
            System.out.println("k      queries  rows fetched  found  seconds  load");
            run(verifier, 0);
            for (String ks : System.getProperty("dmskit.bench.content.k", "1,10").split(",")) {
                if (ks.isBlank()) {
                    continue;
                }
                int k = Integer.parseInt(ks.trim());
                long step = Math.max(1, rows / k);
                String ids = "CAST(right(code, 8) AS bigint) % " + step + " = 7 AND "
                        + "CAST(right(code, 8) AS bigint) <= " + (step * k);
                TestDatabases.exec(PG, "UPDATE " + schema + ".codes SET name = name || 'x' WHERE " + ids);
                try {
                    run(verifier, k);
                } finally {
                    TestDatabases.exec(PG, "UPDATE " + schema + ".codes SET name = left(name, length(name) - 1)"
                            + " WHERE " + ids);
                }
            }
        } finally {
            if (!keep) {
                TestDatabases.dropSchema(MY, schema, false);
                TestDatabases.dropSchema(PG, schema, true);
            }
        }
    }

    private static void run(Verifier verifier, int k) {
        long t0 = System.nanoTime();
        VerificationReport r = ContentVerifier.of(verifier).verify();
        double s = secs(t0);
        TableContent c = r.tables().get(0).content().orElseThrow();
        System.out.printf(Locale.ROOT, "%-6d %7d  %12d  %5d  %7.2f  %s%n", k, c.checksumQueries(), c.rowsFetched(),
                c.differing(), s, ContentBenchmark.load());
    }

    private static List<String> explain(DataSource ds, SqlDialect d, String table, KeyRange range) throws Exception {
        try (TableSide.Session session = new TableSide.Session()) {
            TableSide side = new TableSide(ds, d, table, List.of("code", "name", "amount"),
                    List.of(Kind.TEXT, Kind.TEXT, Kind.DECIMAL), 1, Optional.empty(), Duration.ZERO,
                    new AtomicLong(), session);
            return side.explainRange(range);
        }
    }

    private static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            return -1; // not loaded yet
        }
    }

    private static String text(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
