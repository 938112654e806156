package io.dmskit.verify.internal;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import io.dmskit.model.s3.S3ObjectKind;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationListener;
import io.dmskit.verify.probe.CdcProbeException;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.probe.ProbeOperation;
import io.dmskit.verify.probe.ProbeOutcome;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The CDC probe: marker row INSERT / UPDATE / DELETE on the source, then watching the target until each appears.
 * It writes only to the probe table, and only the marker row (plus, when allowed, the table's creation).
 */
public final class ProbeRunner {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify.probe");
    private static final int CAPTURE_FIELDS = 256;

    private final Database db;
    private final TableMappings mappings;
    private final Target target;
    private final S3Client s3;
    private final Clock clock;
    private final VerificationListener listener;
    private final DmsTaskReader task;

    /** Why the probe failed: the outcome and the message. */
    private record Failure(ProbeOutcome outcome, String message) {
        Failure append(String more) {
            return new Failure(outcome, message + more);
        }
    }

    /**
     * @param db source
     * @param mappings task mappings, or null (then the probe table is assumed replicated under the same name)
     * @param target the target to watch
     * @param s3 client for an S3 target
     * @param clock clock
     * @param listener progress
     * @param task the DMS task, asked why the probe saw nothing (status, table statistics); null when unknown
     */
    public ProbeRunner(Database db, TableMappings mappings, Target target, S3Client s3, Clock clock,
                       VerificationListener listener, DmsTaskReader task) {
        this.task = task;
        this.db = db;
        this.mappings = mappings;
        this.target = target;
        this.s3 = s3;
        this.clock = clock;
        this.listener = listener;
    }

    /** Runs the probe in {@code schema}. */
    public CdcProbeResult run(String schema, CdcProbeOptions o) {
        String table = o.table();
        String probeName = schema + "." + table;
        String targetSchema = schema;
        String targetTable = table;
        String idColumn = "id";
        String noteColumn = "note";
        if (mappings != null) {
            TableResolution r = mappings.resolve(schema, table);
            if (!r.included()) {
                throw new CdcProbeException("the task's table mappings do not replicate the probe table " + probeName
                        + " (no selection rule includes it, or one excludes it), so DMS would never carry its changes."
                        + " Add an include rule for it, or choose a schema and table the task covers with"
                        + " CdcProbeOptions.schema(...)/table(...). Nothing was written to the source.",
                        probeName, null);
            }
            if (!r.filters().isEmpty()) {
                throw new CdcProbeException("the task's selection rule for " + probeName + " has source filters ("
                        + r.sqlPredicate(db.dialect()).orElse("?") + "), which could drop the probe's marker row."
                        + " Use a probe table without filters. Nothing was written to the source.", probeName, null);
            }
            targetSchema = r.targetSchema();
            targetTable = r.targetTable();
            idColumn = r.targetColumn("id").orElse("id");
            noteColumn = r.targetColumn("note").orElse("note");
        }
        boolean created = ensureTable(schema, table, o, probeName);
        Watcher watcher = target instanceof S3Target t
                ? new S3Watcher(t, targetSchema, targetTable, idColumn)
                : new JdbcWatcher((JdbcTarget) target, targetSchema, targetTable, idColumn, noteColumn);
        watcher.baseline();
        ProbeDiagnosis diagnosis = new ProbeDiagnosis(task, schema, table, targetSchema, targetTable);
        diagnosis.baseline();
        String marker = "dmskit-probe-" + UUID.randomUUID();
        Instant started = clock.instant();
        Map<ProbeOperation, Instant> committed = new EnumMap<>(ProbeOperation.class);
        Map<ProbeOperation, Found> found = new EnumMap<>(ProbeOperation.class);
        Failure failure = null;
        boolean cleaned = false;
        Instant deadline = started.plus(o.timeout());
        try {
            boolean sequential = o.sequential() || watcher.requiresSequential();
            if (!o.sequential() && sequential) {
                LOG.info("CdcProbeOptions.sequential(false) ignored: {} only shows the row's latest state",
                        watcher.location());
            }
            step("probe " + probeName + " -> " + watcher.location() + ": marker " + marker
                    + (sequential ? ", one change at a time" : ", three changes back to back"));
            for (ProbeOperation op : ProbeOperation.values()) {
                committed.put(op, change(schema, table, op, marker));
                step(op + " of marker " + marker + " committed on the source at " + committed.get(op));
                if (sequential) {
                    failure = waitFor(watcher, marker, only(op), found, deadline, o, probeName, diagnosis);
                    if (failure != null) {
                        if (op != ProbeOperation.DELETE) {
                            failure = failure.append(" The changes after the " + op + " were not made, since the probe waits for"
                                    + " each change to reach the target before making the next"
                                    + " (CdcProbeOptions.sequential).");
                        }
                        break;
                    }
                }
            }
            if (!sequential) {
                failure = waitFor(watcher, marker, committed.keySet(), found, deadline, o, probeName, diagnosis);
            }
        } catch (SQLException e) {
            failure = new Failure(ProbeOutcome.SOURCE_CHANGE_FAILED, "the probe's change to " + probeName
                    + " failed on the source: " + e.getMessage());
        } finally {
            cleaned = cleanup(schema, table, marker);
        }
        List<OperationResult> ops = new ArrayList<>();
        for (var e : committed.entrySet()) {
            Found f = found.get(e.getKey());
            ops.add(new OperationResult(e.getKey(), e.getValue(), Optional.ofNullable(f).map(Found::visible),
                    Optional.ofNullable(f).map(Found::detected), Optional.ofNullable(f).map(Found::where)));
        }
        CdcProbeResult result = new CdcProbeResult(probeName, watcher.location(), marker, started, clock.instant(),
                ops, failure == null ? ProbeOutcome.SUCCEEDED : failure.outcome(),
                failure == null ? null : failure.message(), cleaned, created);
        LOG.info("{}", result.toText().stripTrailing());
        return result;
    }

    private static Set<ProbeOperation> only(ProbeOperation op) {
        return java.util.EnumSet.of(op);
    }

    private Failure waitFor(Watcher w, String marker, Set<ProbeOperation> wanted, Map<ProbeOperation, Found> found,
                            Instant deadline, CdcProbeOptions o, String probeName, ProbeDiagnosis diagnosis) {
        while (true) {
            for (Found f : w.poll(marker)) {
                if (found.putIfAbsent(f.op(), f) == null) {
                    step(f.op() + " of marker seen in " + f.where() + " (detected " + f.detected() + ")");
                }
            }
            if (found.keySet().containsAll(wanted)) {
                return null;
            }
            if (!clock.instant().isBefore(deadline)) {
                List<ProbeOperation> missing = new ArrayList<>();
                for (ProbeOperation op : wanted) {
                    if (!found.containsKey(op)) {
                        missing.add(op);
                    }
                }
                String what = "timed out after " + o.timeout() + " waiting for the " + missing + " of marker id "
                        + marker + " (table " + probeName + ") in " + w.location() + "; " + w.progress() + ". ";
                ProbeDiagnosis.Verdict v = diagnosis.explain(w.location());
                if (v.explanation() != null) {
                    return new Failure(v.outcome(), what + v.explanation());
                }
                return new Failure(v.outcome(), what + "Is the task running with CDC, and does the target's batch"
                        + " interval (S3 CdcMaxBatchInterval, default 60 s) fit in the timeout"
                        + (wanted.size() == 1 && o.sequential()
                        ? " three times (one batch per change, the probe being sequential)?" : "?")
                        + " (Give the verifier the task, dms(..).taskArn(..), for a diagnosis.)");
            }
            try {
                Thread.sleep(o.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failure(ProbeOutcome.INTERRUPTED, "interrupted while waiting for the marker " + marker
                        + " in " + w.location());
            }
        }
    }

    private void step(String message) {
        LOG.debug(message);   // each step reaches the listener; the result is logged once at INFO
        listener.probeStep(message);
    }

    // ------------------------------------------------------------------------------------------------ source side

    private boolean ensureTable(String schema, String table, CdcProbeOptions o, String probeName) {
        try {
            if (db.tableExists(schema, table)) {
                List<String> cols = db.columns(schema, table).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                if (!cols.contains("id") || !cols.contains("note")) {
                    throw new CdcProbeException("the probe table " + probeName + " exists but lacks the columns"
                            + " (id, note) the probe writes; its columns are " + cols + ". Expected: " + ddl(schema, table),
                            probeName, null);
                }
                return false;
            }
            if (!o.createTableIfMissing()) {
                throw new CdcProbeException("the probe table " + probeName + " does not exist. Create it with: "
                        + ddl(schema, table) + " - or allow CdcProbeOptions.createTableIfMissing(true)."
                        + " Nothing was written to the source.", probeName, null);
            }
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute(ddl(schema, table));
                commitIfNeeded(c);
            }
            step("created probe table " + probeName);
            return true;
        } catch (SQLException e) {
            throw new CdcProbeException("preparing the probe table " + probeName + " failed: " + e.getMessage(),
                    probeName, e);
        }
    }

    private String ddl(String schema, String table) {
        String ts = db.dialect() == SqlDialect.MYSQL ? "TIMESTAMP(6) NULL" : "TIMESTAMP(6)";
        return "CREATE TABLE IF NOT EXISTS " + db.qualified(schema, table) + " (" + db.quote("id")
                + " VARCHAR(64) NOT NULL PRIMARY KEY, " + db.quote("note") + " VARCHAR(200), "
                + db.quote("committed_at") + " " + ts + ")";
    }

    private Instant change(String schema, String table, ProbeOperation op, String marker) throws SQLException {
        String t = db.qualified(schema, table);
        String id = db.quote("id");
        String note = db.quote("note");
        String sql = switch (op) {
            case INSERT -> "INSERT INTO " + t + " (" + id + ", " + note + ") VALUES (?, 'dmskit probe: inserted')";
            case UPDATE -> "UPDATE " + t + " SET " + note + " = 'dmskit probe: updated' WHERE " + id + " = ?";
            case DELETE -> "DELETE FROM " + t + " WHERE " + id + " = ?";
        };
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, marker);
            int n = ps.executeUpdate();
            commitIfNeeded(c);
            if (n != 1) {
                throw new SQLException(op + " of the marker row changed " + n + " rows");
            }
        }
        // The commit time is taken right after COMMIT returned; writing it into the row would need a second
        // change and so an extra CDC row.
        return clock.instant();
    }

    private boolean cleanup(String schema, String table, String marker) {
        String sql = "DELETE FROM " + db.qualified(schema, table) + " WHERE " + db.quote("id") + " = ?";
        String check = "SELECT COUNT(*) FROM " + db.qualified(schema, table) + " WHERE " + db.quote("id") + " = ?";
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, marker);
                ps.executeUpdate();
            }
            commitIfNeeded(c);
            try (PreparedStatement ps = c.prepareStatement(check)) {
                ps.setString(1, marker);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0;
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not remove the probe marker {} from {}.{}: {}", marker, schema, table, e.getMessage());
            return false;
        }
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    // ------------------------------------------------------------------------------------------------ target side

    private record Found(ProbeOperation op, Instant visible, Instant detected, String where) { }

    private interface Watcher {
        void baseline();

        List<Found> poll(String marker);

        String location();

        String progress();

        /** Whether each change must be seen before the next is made (a database target shows only the last state). */
        boolean requiresSequential();
    }

    private final class S3Watcher implements Watcher {
        private final S3Target t;
        private final String prefix;
        private final String txnPrefix;
        private final String targetSchema;
        private final String targetTable;
        private final String idColumn;
        private final DmsObjectReader reader;
        private final DmsObjectReader.IoStats io = new DmsObjectReader.IoStats();
        private String startAfter;
        private String txnStartAfter;
        private final Set<String> read = new HashSet<>();
        private int polls;

        S3Watcher(S3Target t, String targetSchema, String targetTable, String idColumn) {
            this.t = t;
            this.targetSchema = targetSchema;
            this.targetTable = targetTable;
            this.idColumn = idColumn;
            this.prefix = t.tablePrefix(targetSchema, targetTable);
            this.txnPrefix = t.cdcPathPrefix().orElse(null);
            this.reader = new DmsObjectReader(s3, t);
        }

        @Override
        public void baseline() {
            startAfter = lastCdcKey(prefix, S3ObjectKind.CDC, null);
            if (txnPrefix != null) {
                txnStartAfter = lastCdcKey(txnPrefix, S3ObjectKind.CDC_TXN, null);
            }
        }

        private String lastCdcKey(String p, S3ObjectKind kind, String after) {
            String last = after;
            for (S3Object o : list(p, after)) {
                if (S3ObjectNames.kindOf(o.key()) == kind && (last == null || o.key().compareTo(last) > 0)) {
                    last = o.key();
                }
            }
            return last;
        }

        private List<S3Object> list(String p, String after) {
            List<S3Object> out = new ArrayList<>();
            ListObjectsV2Request.Builder b = ListObjectsV2Request.builder().bucket(t.bucket()).prefix(p);
            if (after != null) {
                b.startAfter(after);
            }
            for (var page : s3.listObjectsV2Paginator(b.build())) {
                out.addAll(page.contents());
            }
            return out;
        }

        @Override
        public List<Found> poll(String marker) {
            polls++;
            List<Found> out = new ArrayList<>();
            List<S3Object> fresh = new ArrayList<>();
            for (S3Object o : list(prefix, startAfter)) {
                if (S3ObjectNames.kindOf(o.key()) == S3ObjectKind.CDC && read.add(o.key())) {
                    fresh.add(o);
                }
            }
            if (txnPrefix != null) {
                for (S3Object o : list(txnPrefix, txnStartAfter)) {
                    if (S3ObjectNames.kindOf(o.key()) == S3ObjectKind.CDC_TXN && read.add(o.key())) {
                        fresh.add(o);
                    }
                }
            }
            fresh.sort((a, b) -> a.key().compareTo(b.key()));
            for (S3Object o : fresh) {
                Instant detected = clock.instant();
                boolean txn = S3ObjectNames.kindOf(o.key()) == S3ObjectKind.CDC_TXN;
                for (String op : opsOfMarker(o.key(), marker, txn)) {
                    ProbeOperation po = switch (op) {
                        case "I" -> ProbeOperation.INSERT;
                        case "U" -> ProbeOperation.UPDATE;
                        case "D" -> ProbeOperation.DELETE;
                        default -> null;
                    };
                    if (po != null) {
                        out.add(new Found(po, o.lastModified(), detected, "s3://" + t.bucket() + "/" + o.key()));
                    }
                }
                if (txn) {
                    txnStartAfter = max(txnStartAfter, o.key());
                } else {
                    startAfter = max(startAfter, o.key());
                }
            }
            return out;
        }

        private List<String> opsOfMarker(String key, String marker, boolean txn) {
            List<String> ops = new ArrayList<>();
            if (!txn && reader.isParquet(key)) {
                for (String[] row : reader.parquetRows(key, List.of("Op", idColumn), io)) {
                    if (marker.equals(row[1])) {
                        ops.add(t.cdcInsertsOnly() ? "I" : row[0] == null ? "" : row[0].strip());
                    }
                }
                return ops;
            }
            reader.csvRecords(key, CAPTURE_FIELDS, List.of(), io, (idx, fields) -> {
                if (txn && (fields.size() < 3 || !fields.get(1).equalsIgnoreCase(targetTable)
                        || !fields.get(2).equalsIgnoreCase(targetSchema))) {
                    return;
                }
                if (fields.contains(marker)) {
                    ops.add(t.cdcInsertsOnly() && !txn ? "I" : fields.get(0).strip());
                }
            });
            return ops;
        }

        private String max(String a, String b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }

        @Override
        public String location() {
            return "s3://" + t.bucket() + "/" + prefix + (txnPrefix == null ? "" : " and s3://" + t.bucket() + "/"
                    + txnPrefix);
        }

        @Override
        public String progress() {
            return polls + " listing(s) with StartAfter=" + (startAfter == null ? "(none)" : startAfter) + ", "
                    + read.size() + " new CDC object(s) read";
        }

        @Override
        public boolean requiresSequential() {
            return false;
        }
    }

    private final class JdbcWatcher implements Watcher {
        private final JdbcTarget t;
        private final String schema;
        private final String table;
        private final String idColumn;
        private final String noteColumn;
        private Database target;
        private Database.TableName actual;
        private int polls;
        private String lastNote = "(not yet seen)";
        private boolean sawRow;

        JdbcWatcher(JdbcTarget t, String schema, String table, String idColumn, String noteColumn) {
            this.t = t;
            this.schema = schema;
            this.table = table;
            this.idColumn = idColumn;
            this.noteColumn = noteColumn;
        }

        @Override
        public void baseline() {
            try {
                target = Database.detect(t.dataSource());
                resolve();
            } catch (SQLException e) {
                throw new CdcProbeException("cannot connect to the target database " + t.describe() + ": "
                        + e.getMessage(), schema + "." + table, e);
            }
        }

        private void resolve() throws SQLException {
            if (actual != null) {
                return;
            }
            for (Database.TableName n : target.listTables()) {
                if (n.schema().equalsIgnoreCase(schema) && n.table().equalsIgnoreCase(table)) {
                    actual = n;
                    return;
                }
            }
        }

        @Override
        public List<Found> poll(String marker) {
            polls++;
            List<Found> out = new ArrayList<>();
            try {
                resolve();
                if (actual == null) {
                    return out;
                }
                String sql = "SELECT " + target.quote(noteColumn) + " FROM " + target.qualified(actual.schema(),
                        actual.table()) + " WHERE " + target.quote(idColumn) + " = ?";
                try (Connection c = t.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, marker);
                    try (ResultSet rs = ps.executeQuery()) {
                        Instant now = clock.instant();
                        String where = t.describe() + ": " + target.qualified(actual.schema(), actual.table());
                        if (rs.next()) {
                            sawRow = true;
                            String note = rs.getString(1);
                            lastNote = note;
                            out.add(new Found(ProbeOperation.INSERT, now, now, where));
                            if (note != null && note.contains("updated")) {
                                out.add(new Found(ProbeOperation.UPDATE, now, now, where));
                            }
                        } else if (sawRow) {
                            out.add(new Found(ProbeOperation.DELETE, now, now, where));
                        }
                    }
                }
            } catch (SQLException e) {
                LOG.debug("probe poll of {} failed: {}", location(), e.getMessage());
            }
            return out;
        }

        @Override
        public String location() {
            return t.describe() + ": " + schema + "." + table;
        }

        @Override
        public String progress() {
            return polls + " poll(s); " + (actual == null ? "the target table does not exist"
                    : "last value of " + noteColumn + " seen: " + lastNote);
        }

        @Override
        public boolean requiresSequential() {
            return true;
        }
    }
}
