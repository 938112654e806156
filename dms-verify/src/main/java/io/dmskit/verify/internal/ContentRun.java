package io.dmskit.verify.internal;

import io.dmskit.mappings.AddedColumn;
import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TableResolution;
import io.dmskit.verify.UnsupportedContentTargetException;
import io.dmskit.verify.VerificationListener;
import io.dmskit.verify.internal.content.ColumnRendering;
import io.dmskit.verify.internal.content.ContentShape;
import io.dmskit.verify.internal.content.ContentShape.Column;
import io.dmskit.verify.internal.content.DmsRendering;
import io.dmskit.verify.internal.content.JdbcContentCheck;
import io.dmskit.verify.internal.content.JdbcTransforms;
import io.dmskit.verify.internal.content.RowDiffer;
import io.dmskit.verify.internal.content.SqlCanonical;
import io.dmskit.verify.internal.content.TableSide;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import io.dmskit.verify.target.TargetCount;
import org.slf4j.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Content verification of every planned table: builds each table's {@link ContentShape} from the source catalog and
 * the task's column rules, then compares it with key-range checksums ({@link JdbcContentCheck}) against a JDBC
 * target. Tables run in parallel; a table that cannot be compared becomes an {@code ERROR} row.
 */
public final class ContentRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    /**
     * How to compare.
     *
     * @param sampleLimit samples kept per table
     * @param segments first-level ranges
     * @param factor sub-ranges per split
     * @param threshold rows fetched at most per range
     * @param lobMaxSizeKb the task's LobMaxSize in limited LOB mode, if known
     * @param parallelism tables at once
     * @param queryTimeout per-query timeout
     */
    public record Settings(int sampleLimit, int segments, int factor, long threshold, OptionalInt lobMaxSizeKb,
                           int parallelism, Duration queryTimeout) {
        /** @return these settings with the verifier's parallelism and query timeout */
        public Settings withDefaults(int tables, Duration timeout) {
            return new Settings(sampleLimit, segments, factor, threshold, lobMaxSizeKb, tables, timeout);
        }
    }

    private final Database source;
    private final Target target;
    private final Settings settings;
    private final VerificationListener listener;
    private final AtomicBoolean cancelled;
    private final S3Client s3;

    /** @param s3 the S3 client for an S3 target, or null @param cancelled set to stop the run (checked between queries and while streaming) */
    public ContentRun(Database source, Target target, S3Client s3, Settings settings, VerificationListener listener,
                      AtomicBoolean cancelled) {
        this.s3 = s3;
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** @return one result per planned table, in plan order */
    public List<TableVerification> verifyAll(TablePlan plan) {
        listener.tablesSelected(plan.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService sides = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dmskit-content-side");
            t.setDaemon(true);
            return t;
        });
        try {
            return ParallelTables.map(plan.tables(), settings.parallelism(), "dmskit-content", t -> {
                TableVerification r = verify(t, sides);
                listener.tableVerified(r, done.incrementAndGet(), plan.size());
                return r;
            });
        } finally {
            sides.shutdownNow();
        }
    }

    private void checkCancelled() {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("content verification was cancelled");
        }
    }

    private TableVerification verify(PlannedTable t, ExecutorService sides) {
        long t0 = System.nanoTime();
        try {
            checkCancelled();
            if (target instanceof S3Target s3t) {
                if (s3 == null) {
                    throw new UnsupportedContentTargetException("content verification of an S3 target needs the"
                            + " verifier's s3(S3Client)");
                }
                return compareS3(t, s3t, t0);
            }
            if (!(target instanceof JdbcTarget jdbc)) {
                throw new UnsupportedContentTargetException("content verification needs a JdbcTarget or an"
                        + " S3Target, not " + target);
            }
            Database tdb = Database.detect(jdbc.dataSource());
            return compareJdbc(t, tdb, jdbc, sides, t0);
        } catch (CancellationException e) {
            throw e;
        } catch (UnsupportedContentTargetException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            if (cancelled.get()) {
                throw new CancellationException("content verification was cancelled");
            }
            LOG.warn("Content verification of {} failed: {}", t.table(), e.getMessage());
            return new TableVerification(t.table().schema(), t.table().table(), t.targetSchema(), t.targetTable(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0, VerificationStatus.ERROR, List.of(),
                    Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()), Optional.empty());
        }
    }

    private TableVerification compareJdbc(PlannedTable t, Database tdb, JdbcTarget jdbc, ExecutorService sides,
                                          long t0) throws SQLException {
        List<ColumnInfo> src = columns(source, t.table().schema(), t.table().table());
        List<ColumnInfo> tgt = columns(tdb, t.targetSchema(), t.targetTable());
        if (tgt.isEmpty()) {
            throw new SQLException("target table " + t.targetSchema() + "." + t.targetTable() + " not found in "
                    + jdbc.describe());
        }
        Map<String, ColumnInfo> tgtByName = new LinkedHashMap<>();
        tgt.forEach(c -> tgtByName.put(c.name.toLowerCase(Locale.ROOT), c));
        List<String> notes = new ArrayList<>();
        List<String> missingCols = new ArrayList<>();
        List<ColumnInfo[]> pairs = new ArrayList<>();
        Map<ColumnInfo, JdbcTransforms.Plan> plans = new HashMap<>();
        Set<String> matchedTarget = new HashSet<>();
        TableResolution res = t.resolution();
        DmsRendering rendering = DmsRendering.of(source.dialect() == SqlDialect.MYSQL ? DmsRendering.Engine.MYSQL
                : DmsRendering.Engine.POSTGRESQL, DmsRendering.Format.jdbc(), DmsRendering.RenderOptions.DEFAULTS);
        for (ColumnInfo c : src) {
            ColumnRendering sourceRendering = rendering.column(c.typeName, c.precision, c.scale);
            String dmsType = sourceRendering.type().wireName();
            Optional<String> name = res == null ? Optional.of(c.name) : res.targetColumn(c.name, dmsType);
            if (name.isEmpty()) {
                notes.add("column " + c.name + " is removed by the task's rules: not compared");
                continue;
            }
            ColumnInfo tc = tgtByName.get(name.get().toLowerCase(Locale.ROOT));
            if (tc == null) {
                missingCols.add(name.get());
                continue;
            }
            matchedTarget.add(tc.name.toLowerCase(Locale.ROOT));
            JdbcTransforms.Plan plan = JdbcTransforms.plan(source.dialect(),
                    source.dialect().quoteIdentifier(c.name),
                    SqlCanonical.kindOf(source.dialect(), c.sqlType, c.typeName, c.precision), sourceRendering,
                    rendering, res == null ? List.of() : res.columnTransformations(c.name, dmsType), tdb.dialect(),
                    tdb.dialect().quoteIdentifier(tc.name),
                    SqlCanonical.kindOf(tdb.dialect(), tc.sqlType, tc.typeName, tc.precision), tc.precision);
            if (!plan.comparable()) {
                notes.add("column " + tc.name + " is not compared: " + String.join("; ", plan.notes()));
                continue;
            }
            plan.notes().forEach(n -> notes.add("column " + tc.name + ": " + n));
            plans.put(c, plan);
            pairs.add(new ColumnInfo[] {c, tc});
        }
        if (!missingCols.isEmpty()) {
            throw new SQLException("the target table lacks column(s) " + String.join(", ", missingCols)
                    + " that the task replicates");
        }
        List<String> pk = primaryKey(source, t.table().schema(), t.table().table());
        boolean keyed = !pk.isEmpty();
        Map<ColumnInfo, JdbcTransforms.Plan> added = new LinkedHashMap<>();
        Map<String, JdbcTransforms.ColumnSql> sourceColumns = new LinkedHashMap<>();
        for (ColumnInfo c : src) {
            ContentShape.Kind k = SqlCanonical.kindOf(source.dialect(), c.sqlType, c.typeName, c.precision);
            if (k != ContentShape.Kind.FLOAT) {
                sourceColumns.put(c.name, new JdbcTransforms.ColumnSql(source.dialect().quoteIdentifier(c.name), k,
                        null));
            }
        }
        for (ColumnInfo c : tgt) {
            if (matchedTarget.contains(c.name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<AddedColumn> rule = res == null ? Optional.empty() : res.addedColumns().stream()
                    .filter(a -> a.name().equalsIgnoreCase(c.name)).findFirst();
            Optional<JdbcTransforms.Plan> plan = rule.filter(a -> keyed && a.expression() != null)
                    .flatMap(a -> JdbcTransforms.added(source.dialect(), a.expression(), a.dataType(), sourceColumns,
                            rendering, SqlCanonical.kindOf(tdb.dialect(), c.sqlType, c.typeName, c.precision)));
            if (plan.isPresent()) {
                notes.add("column " + c.name + " is added by rule " + rule.get().ruleId() + ": "
                        + plan.get().notes().get(0));
                added.put(c, plan.get());
            } else {
                notes.add(addedNote(res, c.name));
            }
        }
        List<ColumnInfo[]> ordered = new ArrayList<>();
        for (String k : pk) {
            pairs.stream().filter(p -> p[0].name.equals(k)).findFirst().ifPresent(ordered::add);
        }
        if (keyed && ordered.size() != pk.size()) {
            throw new SQLException("a primary-key column of " + t.table() + " is not replicated or not comparable");
        }
        pairs.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        int keyCount = keyed ? pk.size() : ordered.size();
        List<Column> cols = new ArrayList<>();
        List<ContentShape.Kind> sk = new ArrayList<>();
        List<ContentShape.Kind> tk = new ArrayList<>();
        List<String> sn = new ArrayList<>();
        List<String> tn = new ArrayList<>();
        List<JdbcTransforms.ColumnSql> sx = new ArrayList<>();
        List<JdbcTransforms.ColumnSql> tx = new ArrayList<>();
        List<SqlCanonical.Adjust> sa = new ArrayList<>();
        List<SqlCanonical.Adjust> ta = new ArrayList<>();
        boolean inJava = false;
        for (int i = 0; i < ordered.size(); i++) {
            ColumnInfo s = ordered.get(i)[0];
            ColumnInfo tc = ordered.get(i)[1];
            JdbcTransforms.Plan plan = plans.get(s);
            if (i < keyCount && plan.inJava()) {
                throw new SQLException("key column " + tc.name + " is converted by the task in a way SQL cannot"
                        + " reproduce (" + String.join("; ", plan.notes()) + "): its key order is unknown");
            }
            inJava |= plan.inJava();
            ContentShape.Kind sKind = plan.source().kind();
            ContentShape.Kind tKind = plan.target().kind();
            ContentShape.Kind shapeKind = plan.kind();
            boolean transformed = plan.source().expression() != null || plan.source().java() != null
                    || plan.target().expression() != null || plan.target().java() != null
                    || sKind != SqlCanonical.kindOf(source.dialect(), s.sqlType, s.typeName, s.precision)
                    || tKind != SqlCanonical.kindOf(tdb.dialect(), tc.sqlType, tc.typeName, tc.precision);
            if (transformed) {
                sa.add(SqlCanonical.Adjust.NONE);
                ta.add(SqlCanonical.Adjust.NONE);
            } else {
                // the column as DMS copies it: both types decide how its text is compared
                SqlCanonical.ColumnType sType = SqlCanonical.ColumnType.of(source.dialect(), s.sqlType, s.typeName,
                        s.precision, s.scale);
                SqlCanonical.ColumnType tType = SqlCanonical.ColumnType.of(tdb.dialect(), tc.sqlType, tc.typeName,
                        tc.precision, tc.scale);
                sKind = sType.kind();
                tKind = tType.kind();
                if ((sKind == ContentShape.Kind.FLOAT) != (tKind == ContentShape.Kind.FLOAT)
                        && (sKind.numeric() && tKind.numeric())) {
                    // a double against an exact number: both read as doubles (1.0 = 1, 1.0E15 = 1000000000000000)
                    sKind = ContentShape.Kind.FLOAT;
                    tKind = ContentShape.Kind.FLOAT;
                }
                shapeKind = sKind;
                SqlCanonical.Adjust[] adjust = SqlCanonical.adjust(sType, tType);
                sa.add(adjust[0]);
                ta.add(adjust[1]);
            }
            cols.add(new Column(tc.name, i < keyCount, shapeKind, s.sqlType, s.typeName, s.precision, s.scale,
                    SqlCanonical.isLob(s.sqlType, s.typeName)));
            if (sKind == ContentShape.Kind.FLOAT || tKind == ContentShape.Kind.FLOAT) {
                notes.add("column " + tc.name + " is floating-point: rendered in Java (Double.toString)");
            }
            sk.add(sKind);
            tk.add(tKind);
            sn.add(s.name);
            tn.add(tc.name);
            sx.add(plan.source());
            tx.add(plan.target());
        }
        for (Map.Entry<ColumnInfo, JdbcTransforms.Plan> a : added.entrySet()) {
            ColumnInfo tc = a.getKey();
            JdbcTransforms.Plan plan = a.getValue();
            inJava = true;
            cols.add(new Column(tc.name, false, plan.kind(), tc.sqlType, tc.typeName, tc.precision, tc.scale,
                    SqlCanonical.isLob(tc.sqlType, tc.typeName)));
            sk.add(plan.source().kind());
            tk.add(plan.target().kind());
            sn.add(tc.name);
            tn.add(tc.name);
            sx.add(plan.source());
            tx.add(plan.target());
            sa.add(SqlCanonical.Adjust.NONE);
            ta.add(SqlCanonical.Adjust.NONE);
        }
        ContentShape shape = new ContentShape(t.targetSchema(), t.targetTable(), cols, keyed);
        AtomicLong queries = new AtomicLong();
        Duration timeout = settings.queryTimeout();
        Runnable cancel = this::checkCancelled;
        TableSide s = new TableSide(source.dataSource(), source.dialect(),
                source.qualified(t.table().schema(), t.table().table()), sn, sk, keyCount, t.predicate(), timeout,
                queries, new TableSide.Session(), sx, sa);
        TableSide tt = new TableSide(tdb.dataSource(), tdb.dialect(), tdb.qualified(t.targetSchema(),
                t.targetTable()), tn, tk, keyCount, Optional.empty(), timeout, queries, new TableSide.Session(),
                tx, ta);
        if (inJava) {
            notes.add("columns converted in Java: the source's digests are computed by streaming rows");
        } else if (!s.digestInSql() || !tt.digestInSql()) {
            notes.add("floating-point columns are rendered in Java: digests are computed by streaming rows");
        }
        if (!keyed) {
            notes.add("no primary key: rows compared as multisets of whole rows");
        }
        RowDiffer differ = new RowDiffer(shape, settings.sampleLimit());
        JdbcContentCheck check = new JdbcContentCheck(s, tt, differ, settings.segments(), settings.factor(),
                settings.threshold(), sides, cancel);
        try (TableSide.Session a = s.session(); TableSide.Session b = tt.session()) {
            check.run();
        }
        TableContent content = new TableContent(check.sourceRows(), check.targetRows(), differ.missing(),
                differ.extra(), differ.differing(), differ.truncated(), differ.samples(), keyed,
                settings.lobMaxSizeKb(), queries.get(), differ.fetched(), notes);
        return result(t, content, check.sourceRows(), check.targetRows(), t.targetSchema() + "." + t.targetTable(),
                t0);
    }

    private TableVerification compareS3(PlannedTable t, S3Target s3t, long t0) throws SQLException {
        S3ContentCheck check = new S3ContentCheck(source, t, s3, s3t.settings(), cancelled::get);
        ContentShape shape = check.prepare(settings.lobMaxSizeKb());
        RowDiffer differ = new RowDiffer(shape, settings.sampleLimit());
        check.run(differ);
        List<String> notes = new ArrayList<>(check.notes());
        notes.add("S3 target: its current state rebuilt from the full-load and CDC objects, the source rendered in"
                + " Java as DMS writes it");
        TableContent content = new TableContent(check.sourceRows(), check.targetRows(), differ.missing(),
                differ.extra(), differ.differing(), differ.truncated(), differ.samples(), shape.primaryKey(),
                settings.lobMaxSizeKb(), 0, differ.fetched(), notes);
        return result(t, content, check.sourceRows(), check.targetRows(), check.location(), t0);
    }

    private static TableVerification result(PlannedTable t, TableContent content, long sourceRows, long targetRows,
                                            String location, long t0) {
        VerificationStatus status = content.matches() ? VerificationStatus.CONTENT_MATCH
                : content.onlyLobTruncation() ? VerificationStatus.LOB_TRUNCATED : VerificationStatus.CONTENT_MISMATCH;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("Content of {} -> {}: {} ({} checksum queries, {} rows fetched, {} ms)", t.table(), location,
                content.summary(), content.checksumQueries(), content.rowsFetched(), elapsed.toMillis());
        return new TableVerification(t.table().schema(), t.table().table(), t.targetSchema(), t.targetTable(),
                Optional.of(new SourceCount(sourceRows, false, t.predicate(), elapsed)),
                Optional.of(TargetCount.ofDatabase(location, true, targetRows)), Optional.empty(),
                targetRows - sourceRows, status, List.of(), Optional.empty(), Optional.of(content.summary()),
                Optional.of(content));
    }

    /** The note for a target column no source column maps to. */
    private static String addedNote(TableResolution res, String column) {
        if (res != null) {
            for (AddedColumn a : res.addedColumns()) {
                if (a.name().equalsIgnoreCase(column)) {
                    return "target column " + column + " is added by rule " + a.ruleId()
                            + a.expressionIfAny().map(e -> " (expression " + e + ")").orElse(" without an expression")
                            + ": not compared (not evaluable from the source row, or no primary key)";
                }
            }
        }
        return "target column " + column + " has no source column (added by hand): not compared";
    }

    /** A column as the catalog describes it. */
    private record ColumnInfo(String name, int sqlType, String typeName, int precision, int scale) {
    }

    private static List<ColumnInfo> columns(Database db, String schema, String table) throws SQLException {
        if (!db.tableExists(schema, table)) {
            return List.of();
        }
        List<ColumnInfo> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + db.qualified(schema, table) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(new ColumnInfo(md.getColumnName(i), md.getColumnType(i), md.getColumnTypeName(i),
                        md.getPrecision(i), md.getScale(i)));
            }
        }
        return out;
    }

    static List<String> primaryKey(Database db, String schema, String table) throws SQLException {
        String sql = "SELECT k.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name"
                + " AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name"
                + " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = ? AND tc.table_name = ?"
                + " ORDER BY k.ordinal_position";
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
