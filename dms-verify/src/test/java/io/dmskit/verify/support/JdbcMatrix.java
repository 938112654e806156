package io.dmskit.verify.support;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.target.JdbcTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source and a target schema on the local MariaDB/PostgreSQL for the JDBC content-verification matrix: tables are
 * created on each side with the DDL a test gives (the target the way DMS creates it, or pre-created with other
 * compatible types), the target filled from the source the way DMS writes values ({@link #copy}), then corrupted by
 * SQL, and every table of the source schema verified at once.
 */
public final class JdbcMatrix implements AutoCloseable {

    private final DataSource src;
    private final DataSource tgt;
    private final boolean srcPg;
    private final boolean tgtPg;
    private final String srcSchema;
    private final String tgtSchema;

    private JdbcMatrix(boolean srcPg, boolean tgtPg, String name) {
        this.srcPg = srcPg;
        this.tgtPg = tgtPg;
        this.src = srcPg ? TestDatabases.postgres() : TestDatabases.mariadb();
        this.tgt = tgtPg ? TestDatabases.postgres() : TestDatabases.mariadb();
        this.srcSchema = TestDatabases.uniqueName("jdbcheldout_" + name + "_s");
        this.tgtSchema = TestDatabases.uniqueName("jdbcheldout_" + name + "_t");
        TestDatabases.createSchema(src, srcSchema);
        TestDatabases.createSchema(tgt, tgtSchema);
    }

    /** @return a fresh pair of schemas, source on PostgreSQL or MariaDB, target likewise */
    public static JdbcMatrix create(String name, boolean sourcePostgres, boolean targetPostgres) {
        return new JdbcMatrix(sourcePostgres, targetPostgres, name);
    }

    /** @return whether the source is PostgreSQL (else MariaDB) */
    public boolean sourcePostgres() {
        return srcPg;
    }

    /** @return whether the target is PostgreSQL (else MariaDB) */
    public boolean targetPostgres() {
        return tgtPg;
    }

    /** @return the source schema */
    public String sourceSchema() {
        return srcSchema;
    }

    /** @return the target schema */
    public String targetSchema() {
        return tgtSchema;
    }

    /** Runs statements on the source; <code>{s}</code> stands for the source schema. */
    public void source(String... sql) {
        TestDatabases.exec(src, expand(sql, srcSchema));
    }

    /** Runs statements on the target; <code>{t}</code> stands for the target schema. */
    public void target(String... sql) {
        TestDatabases.exec(tgt, expand(sql, tgtSchema));
    }

    private static String[] expand(String[] sql, String schema) {
        String[] out = new String[sql.length];
        for (int i = 0; i < sql.length; i++) {
            out[i] = sql[i].replace("{s}", schema).replace("{t}", schema);
        }
        return out;
    }

    /**
     * Copies every row of a source table into the target table of the same name, column by column by name, as DMS
     * writes values: text targets get the source's text (a PostgreSQL boolean as {@code true}/{@code false}, a
     * MySQL TIME as MySQL prints it), time stamps with a zone in UTC, MySQL DATETIME(1..5) to the millisecond.
     */
    public void copy(String table) {
        copy(table, table);
    }

    /** Like {@link #copy(String)} into a target table of another name. */
    public void copy(String sourceTable, String targetTable) {
        String sq = quote(srcPg, sourceTable);
        String tq = quote(tgtPg, targetTable);
        try (Connection s = src.getConnection(); Connection t = tgt.getConnection();
             Statement st = s.createStatement()) {
            st.execute(srcPg ? "SET TIME ZONE 'UTC'" : "SET time_zone = '+00:00'");
            try (Statement tz = t.createStatement()) {
                tz.execute(tgtPg ? "SET TIME ZONE 'UTC'" : "SET time_zone = '+00:00'");
            }
            List<String> tNames = new ArrayList<>();
            List<Integer> tTypes = new ArrayList<>();
            List<String> tTypeNames = new ArrayList<>();
            try (Statement m = t.createStatement();
                 ResultSet rs = m.executeQuery("SELECT * FROM " + tgtSchema + "." + tq + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    tNames.add(md.getColumnName(i));
                    tTypes.add(md.getColumnType(i));
                    tTypeNames.add(md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
                }
            }
            StringBuilder insert = new StringBuilder("INSERT INTO " + tgtSchema + "." + tq + " (");
            for (int i = 0; i < tNames.size(); i++) {
                insert.append(i == 0 ? "" : ", ").append(quote(tgtPg, tNames.get(i)));
            }
            insert.append(") VALUES (").append(String.join(", ", java.util.Collections.nCopies(tNames.size(), "?")))
                    .append(')');
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + srcSchema + "." + sq);
                 PreparedStatement ps = t.prepareStatement(insert.toString())) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Integer> byName = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    byName.put(md.getColumnName(i).toLowerCase(Locale.ROOT), i);
                }
                while (rs.next()) {
                    for (int i = 0; i < tNames.size(); i++) {
                        Integer si = byName.get(tNames.get(i).toLowerCase(Locale.ROOT));
                        if (si == null) {
                            ps.setNull(i + 1, Types.VARCHAR);
                            continue;
                        }
                        set(ps, i + 1, rs, si, md.getColumnTypeName(si).toLowerCase(Locale.ROOT),
                                md.getScale(si), tTypes.get(i), tTypeNames.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("copy of " + sourceTable + " failed: " + e.getMessage(), e);
        }
    }

    private void set(PreparedStatement ps, int idx, ResultSet rs, int si, String sType, int sScale, int tType,
                     String tTypeName) throws SQLException {
        boolean tText = tType == Types.VARCHAR || tType == Types.CHAR || tType == Types.LONGVARCHAR
                || tType == Types.CLOB || (tTypeName.endsWith("text") && !tTypeName.startsWith("_"));
        boolean tBinary = tType == Types.BINARY || tType == Types.VARBINARY || tType == Types.LONGVARBINARY
                || tType == Types.BLOB;
        String v;
        if (sType.equals("bool")) {
            Object b = rs.getObject(si);
            v = b == null ? null : ((Boolean) b ? (tText ? "true" : "1") : (tText ? "false" : "0"));
        } else if (!srcPg && !tgtPg && sType.equals("bit") && tTypeName.equals("bit")) {
            if (rs.getObject(si) == null) {
                ps.setNull(idx, Types.BIT);
            } else {
                ps.setLong(idx, bitValue(rs, si, sType));
            }
            return;
        } else if (!srcPg && (sType.equals("bit") || sType.equals("boolean")) && !tBinary) {
            v = rs.getObject(si) == null ? null : srcPg ? rs.getString(si) : Long.toString(bitValue(rs, si, sType));
        } else if (sType.equals("money")) {
            String t = rs.getString(si);
            v = t == null ? null : t.replace("$", "").replace(",", "");
        } else if (sType.equals("timestamptz")) {
            OffsetDateTime o = rs.getObject(si, OffsetDateTime.class);
            v = o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        } else if (sType.equals("timetz")) {
            OffsetTime o = rs.getObject(si, OffsetTime.class);
            v = o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toString();
        } else if (!srcPg && sType.equals("datetime") && sScale >= 1 && sScale <= 5) {
            java.time.LocalDateTime d = rs.getObject(si, java.time.LocalDateTime.class);
            v = d == null ? null : d.truncatedTo(ChronoUnit.MILLIS).toString();
        } else if (tBinary || (sType.equals("bytea") || sType.endsWith("blob") || sType.endsWith("binary")
                || (!srcPg && sType.equals("bit")) || sType.equals("geometry"))) {
            byte[] b = rs.getBytes(si);
            if (b == null) {
                ps.setNull(idx, Types.BINARY);
            } else {
                ps.setBytes(idx, b);
            }
            return;
        } else {
            v = rs.getString(si);
            if (!srcPg && v != null && v.startsWith("0000-00-00")) {
                v = null;   // a zero date: DMS writes NULL where the target cannot hold it
            }
        }
        if (v == null) {
            ps.setNull(idx, tgtPg ? Types.OTHER : Types.VARCHAR);
        } else if (tgtPg) {
            ps.setObject(idx, v, Types.OTHER);
        } else {
            ps.setString(idx, v);
        }
    }

    private static long bitValue(ResultSet rs, int si, String sType) throws SQLException {
        if (sType.equals("boolean")) {
            return rs.getLong(si);   // MariaDB reports TINYINT(1) as BOOLEAN: keep its number
        }
        long v = 0;
        for (byte b : rs.getBytes(si)) {
            v = (v << 8) | (b & 0xff);
        }
        return v;
    }

    private static String quote(boolean pg, String name) {
        return pg ? "\"" + name + "\"" : "`" + name + "`";
    }

    /** Verifies every table of the source schema against the target schema. */
    public VerificationReport verify(int lobMaxSizeKb) {
        String mappings = """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"2","rule-name":"rename","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"%s"}
                ]}""".formatted(srcSchema, srcSchema, tgtSchema);
        Verifier verifier = Verifier.builder().source(src).tableMappings(mappings)
                .target(JdbcTarget.of(tgt, tgtPg ? "postgresql://local" : "mariadb://local"))
                .queryTimeout(Duration.ofSeconds(60)).checkExtraTables(false).build();
        return ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(4).segments(4).splitFactor(4)
                .sampleLimit(100).lobMaxSizeKb(lobMaxSizeKb)).verify();
    }

    /** Drops both schemas. */
    @Override
    public void close() {
        TestDatabases.dropSchema(src, srcSchema, srcPg);
        TestDatabases.dropSchema(tgt, tgtSchema, tgtPg);
    }

    /** @return the table's result, failing with its error if it has one */
    public TableVerification table(VerificationReport report, String table) {
        TableVerification t = report.table(srcSchema, table).orElseThrow(
                () -> new AssertionError("no result for " + table + " in " + report.toText()));
        return t;
    }

    /** Asserts the table is CONTENT_MATCH, printing its samples otherwise. */
    public void assertMatch(VerificationReport report, String table) {
        TableVerification t = table(report, table);
        assertThat(t.error()).as(table + " error").isEmpty();
        assertThat(t.status()).as(table + ": " + t.content().map(TableContent::samples).orElse(List.of()))
                .isEqualTo(VerificationStatus.CONTENT_MATCH);
    }

    /** @return the sampled keys of one kind, each as the key's values joined by '|' */
    public List<String> keys(VerificationReport report, String table, ContentDifference.Kind kind) {
        TableVerification t = table(report, table);
        assertThat(t.error()).as(table + " error").isEmpty();
        return t.content().orElseThrow().samples().stream().filter(d -> d.kind() == kind)
                .map(d -> String.join("|", d.key().values().stream().map(String::valueOf).toList())).toList();
    }

    /** @return the differing columns of the sample with this key (values joined by '|') */
    public List<String> columns(VerificationReport report, String table, String key) {
        return table(report, table).content().orElseThrow().samples().stream()
                .filter(d -> String.join("|", d.key().values().stream().map(String::valueOf).toList()).equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + key))
                .columns().stream().map(ContentDifference.ColumnDifference::column).toList();
    }
}
