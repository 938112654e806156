package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationListener;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.Target;
import io.dmskit.verify.target.TargetCount;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Counts tables on whichever target the verifier was given. */
public abstract class TargetReader implements AutoCloseable {

    /** @return a reader for the target; {@code queryTimeout} bounds each COUNT on a database target */
    public static TargetReader open(Target target, S3Client s3, VerificationListener listener, Duration queryTimeout) {
        if (target instanceof S3Target t) {
            return new S3Reader(S3TableCounter.create(s3, t), listener);
        }
        return new JdbcReader((JdbcTarget) target, queryTimeout);
    }

    /** Counts one table under its target names. */
    public abstract TargetCount count(String schema, String table, List<String> columns);

    /** Lists the tables of a target schema. */
    public abstract List<String> listTables(String schema) throws Exception;

    /** @return whether column names help (CSV header recognition) */
    public abstract boolean wantsColumnNames();

    /** @return whether DMS leaves empty tables without any trace on this target (S3) */
    public abstract boolean emptyTablesHaveNoFolder();

    @Override
    public abstract void close();

    private static final class S3Reader extends TargetReader {
        private final S3TableCounter counter;
        private final VerificationListener listener;

        S3Reader(S3TableCounter counter, VerificationListener listener) {
            this.counter = counter;
            this.listener = listener;
        }

        @Override
        public TargetCount count(String schema, String table, List<String> columns) {
            String location = "s3://" + counter.target().bucket() + "/" + counter.target().tablePrefix(schema, table);
            return counter.count(schema, table, columns, (key, bytes) -> listener.objectScanned(location, key, bytes));
        }

        @Override
        public List<String> listTables(String schema) {
            return counter.tableFolders(schema);
        }

        @Override
        public boolean wantsColumnNames() {
            return counter.target().dataFormat() != S3DataFormat.PARQUET && counter.target().addColumnName().isEmpty();
        }

        @Override
        public boolean emptyTablesHaveNoFolder() {
            return true;
        }

        @Override
        public void close() {
            counter.close();
        }
    }

    private static final class JdbcReader extends TargetReader {
        private final JdbcTarget target;
        private final Duration timeout;
        private Database db;
        private Map<String, Database.TableName> catalog;

        JdbcReader(JdbcTarget target, Duration timeout) {
            this.target = target;
            this.timeout = timeout;
        }

        private synchronized Database db() throws SQLException {
            if (db == null) {
                db = Database.detect(target.dataSource());
            }
            return db;
        }

        private synchronized Map<String, Database.TableName> catalog() throws SQLException {
            if (catalog == null) {
                Map<String, Database.TableName> m = new HashMap<>();
                for (Database.TableName t : db().listTables()) {
                    m.put(key(t.schema(), t.table()), t);
                }
                catalog = m;
            }
            return catalog;
        }

        private static String key(String s, String t) {
            return s.toLowerCase(Locale.ROOT) + "\u0000" + t.toLowerCase(Locale.ROOT);
        }

        @Override
        public TargetCount count(String schema, String table, List<String> columns) {
            try {
                Database d = db();
                Optional<Database.TableName> actual = Optional.ofNullable(catalog().get(key(schema, table)));
                String name = actual.map(a -> d.qualified(a.schema(), a.table())).orElse(d.qualified(schema, table));
                String location = target.describe() + ": " + name;
                if (actual.isEmpty()) {
                    return TargetCount.ofDatabase(location, false, 0);
                }
                long n = d.count(actual.get().schema(), actual.get().table(), Optional.empty(), timeout);
                return TargetCount.ofDatabase(location, true, n);
            } catch (SQLException e) {
                throw new io.dmskit.verify.target.TargetReadException("counting " + schema + "." + table + " on "
                        + target.describe() + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> listTables(String schema) throws SQLException {
            List<String> out = new ArrayList<>();
            for (Database.TableName t : catalog().values()) {
                if (t.schema().equalsIgnoreCase(schema)) {
                    out.add(t.table());
                }
            }
            return out;
        }

        @Override
        public boolean wantsColumnNames() {
            return false;
        }

        @Override
        public boolean emptyTablesHaveNoFolder() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
