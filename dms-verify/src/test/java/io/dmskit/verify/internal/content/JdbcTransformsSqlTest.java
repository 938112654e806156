package io.dmskit.verify.internal.content;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code change-data-type} conversion {@link JdbcTransforms} computes in SQL gives, on real MariaDB and
 * PostgreSQL and for edge values (negative halves, rounding carries, multi-byte text, NULL), exactly the text that
 * {@link ColumnRendering#convertTo} (the S3 targets' rule) gives for the same source value.
 */
@DisplayName("JdbcTransforms: change-data-type in SQL equals the Java conversion, on MariaDB and PostgreSQL")
class JdbcTransformsSqlTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();
    private static final List<DataType> TYPES = List.of(DataType.of("int1"), DataType.of("int4"),
            DataType.of("int8"), DataType.of("uint2"), DataType.numeric(8, 2), DataType.numeric(6, 0),
            DataType.numeric(10, 1), DataType.of("numeric"), DataType.string(5), DataType.string(200),
            DataType.of("string"), DataType.wstring(3), DataType.of("clob"), DataType.of("nclob"),
            DataType.of("boolean"), DataType.of("date"), DataType.of("datetime"), DataType.datetime(6),
            DataType.of("time"), DataType.of("bytes"), DataType.of("real8"));
    private static String schema;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("dmskit_jdbcxform_sql");
        TestDatabases.createSchema(MY, schema);
        TestDatabases.createSchema(PG, schema);
        TestDatabases.exec(MY, "CREATE TABLE " + schema + ".v (n INT, i INT, d DECIMAL(10,3), t VARCHAR(40),"
                        + " ts DATETIME(6), dt DATE, tm TIME(6), ts0 DATETIME, b TINYINT(1), bb BIT(1)) CHARACTER SET utf8mb4",
                "INSERT INTO " + schema + ".v VALUES (1, -5, -2.345, 'h\u00e9llo w\u00f6rld \uD83D\uDE00 more text',"
                        + " '2024-05-28 19:51:41.388146', '2024-02-29', '10:11:12.5', '2024-05-28 19:51:41', 1, 1),"
                        + " (2, 0, -0.5, 'abc', '1999-12-31 23:59:59', '1999-12-31', '00:00:00', '1999-12-31 23:59:59', 0, 0),"
                        + " (3, 7, 12.995, '', '2024-01-01 00:00:00.000001', '2000-01-01', '23:59:59.999999', '2000-01-01 00:00:00', 1, 1),"
                        + " (4, 123456, 99999.999, '42', NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (5, NULL, NULL, NULL, '2024-05-28 00:00:00', '2024-05-28', '12:00:00', '2024-05-28 00:00:00', 0, 0),"
                        + " (6, -1, 0.004, '  padded  ', '2024-05-28 12:00:00', '2024-05-28', '01:02:03', '2024-05-28 12:00:00', 1, 1)");
        TestDatabases.exec(PG, "CREATE TABLE " + schema + ".v (n INT, i INT, d NUMERIC(10,3), t VARCHAR(40),"
                        + " ts TIMESTAMP(6), dt DATE, tm TIME(6), ts0 TIMESTAMP(0), b BOOLEAN, bb BOOLEAN)",
                "INSERT INTO " + schema + ".v VALUES (1, -5, -2.345, 'h\u00e9llo w\u00f6rld \uD83D\uDE00 more text',"
                        + " '2024-05-28 19:51:41.388146', '2024-02-29', '10:11:12.5', '2024-05-28 19:51:41', true, true),"
                        + " (2, 0, -0.5, 'abc', '1999-12-31 23:59:59', '1999-12-31', '00:00:00', '1999-12-31 23:59:59', false, false),"
                        + " (3, 7, 12.995, '', '2024-01-01 00:00:00.000001', '2000-01-01', '23:59:59.999999', '2000-01-01 00:00:00', true, true),"
                        + " (4, 123456, 99999.999, '42', NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (5, NULL, NULL, NULL, '2024-05-28 00:00:00', '2024-05-28', '12:00:00', '2024-05-28 00:00:00', false, false),"
                        + " (6, -1, 0.004, '  padded  ', '2024-05-28 12:00:00', '2024-05-28', '01:02:03', '2024-05-28 12:00:00', true, true)");
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(MY, schema, false);
        TestDatabases.dropSchema(PG, schema, true);
    }

    @Test
    @DisplayName("MariaDB: every SQL conversion equals the Java one")
    void mariadb() throws SQLException {
        assertThat(compare(MY, SqlDialect.MYSQL, DmsRendering.Engine.MYSQL)).isGreaterThan(30);
    }

    @Test
    @DisplayName("PostgreSQL: every SQL conversion equals the Java one")
    void postgres() throws SQLException {
        assertThat(compare(PG, SqlDialect.POSTGRESQL, DmsRendering.Engine.POSTGRESQL)).isGreaterThan(30);
    }

    /** @return how many (column, type) pairs were converted in SQL and compared */
    private static int compare(DataSource ds, SqlDialect d, DmsRendering.Engine engine) throws SQLException {
        DmsRendering rendering = DmsRendering.of(engine, DmsRendering.Format.jdbc(), DmsRendering.RenderOptions.DEFAULTS);
        int compared = 0;
        List<String> failures = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(d == SqlDialect.MYSQL ? "SET time_zone = '+00:00'" : "SET TIME ZONE 'UTC'");
            ResultSetMetaData md = st.executeQuery("SELECT * FROM " + schema + ".v WHERE 1 = 0").getMetaData();
            for (int col = 2; col <= md.getColumnCount(); col++) {
                String name = md.getColumnName(col);
                Kind kind = SqlCanonical.kindOf(d, md.getColumnType(col), md.getColumnTypeName(col),
                        md.getPrecision(col));
                ColumnRendering from = rendering.column(md.getColumnTypeName(col), md.getPrecision(col),
                        md.getScale(col)).withKind(kind);
                String q = d.quoteIdentifier(name);
                for (DataType dt : TYPES) {
                    Optional<ColumnRendering> to = SourceProjection.typed(rendering, dt, from);
                    assertThat(to).as(dt.type()).isPresent();
                    String[] sql = JdbcTransforms.convertInSql(d, q, kind, from, to.get());
                    if (sql == null) {
                        continue;
                    }
                    compared++;
                    String select = "SELECT n, " + SqlCanonical.text(d, q, kind) + ", "
                            + SqlCanonical.text(d, sql[0], Kind.valueOf(sql[1])) + " FROM " + schema + ".v ORDER BY n";
                    try (ResultSet rs = st.executeQuery(select)) {
                        while (rs.next()) {
                            String source = rs.getString(2);
                            String expected = from.convertTo(source, to.get());
                            String got = rs.getString(3);
                            if (!java.util.Objects.equals(expected, got)) {
                                failures.add(name + " (" + kind + ") -> " + to.get() + " row " + rs.getInt(1)
                                        + ": source '" + source + "', Java '" + expected + "', SQL '" + got + "'");
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        return compared;
    }
}
