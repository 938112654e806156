package io.dmskit.engine.internal;

import io.dmskit.testkit.dataplane.ReplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and opens the CDC capture for a source: its change log where usable, polling otherwise. */
final class CaptureFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureFactory.class);

    private CaptureFactory() {
    }

    static ChangeCapture open(EngineConfig config, JdbcEndpoint source, CapturedTables tables,
                              PollingCapture.Snapshot snapshot, ReplicationContext ctx, Optional<String> checkpoint,
                              boolean beforeFullLoad) throws SQLException {
        String mode = config.captureMode();
        if (!mode.equals("POLLING")) {
            Optional<String> unusable = logUnusableReason(source);
            if (unusable.isEmpty() && source.dialect() == Dialect.MYSQL) {
                Optional<String> start = checkpoint.filter(c -> c.startsWith(BinlogCapture.PREFIX));
                if (start.isEmpty()) {
                    start = ctx.cdcStartPosition().filter(p -> p.contains(":")).map(p -> BinlogCapture.PREFIX + p);
                }
                try {
                    return BinlogCapture.open(source, tables, ctx.clock(), start);
                } catch (EngineException | SQLException e) {
                    if (mode.equals("LOG_BASED")) {
                        throw e;
                    }
                    // for example a user without REPLICATION SLAVE/CLIENT privileges
                    LOG.warn("source {}: the binlog cannot be read ({}); CDC falls back to polling",
                            source.endpointIdentifier(), e.getMessage());
                    String id = UUID.randomUUID().toString();
                    return new PollingCapture(source, tables, snapshot, ctx.clock(), config.pollInterval(), id);
                }
            }
            if (unusable.isEmpty() && source.dialect() == Dialect.POSTGRESQL) {
                String slot = ctx.sourceEndpoint().postgreSQLSettings() != null
                        && ctx.sourceEndpoint().postgreSQLSettings().slotName() != null
                        && !ctx.sourceEndpoint().postgreSQLSettings().slotName().isBlank()
                        ? ctx.sourceEndpoint().postgreSQLSettings().slotName()
                        : PgLogicalCapture.slotNameFor(ctx.task().replicationTaskIdentifier());
                try {
                    return PgLogicalCapture.open(source, tables, slot,
                            checkpoint.filter(c -> c.startsWith(PgLogicalCapture.PREFIX)), ctx.clock(), config.pollInterval());
                } catch (EngineException | SQLException e) {
                    if (mode.equals("LOG_BASED")) {
                        throw e;
                    }
                    LOG.warn("source {}: logical decoding cannot be used ({}); CDC falls back to polling",
                            source.endpointIdentifier(), e.getMessage());
                    return new PollingCapture(source, tables, snapshot, ctx.clock(), config.pollInterval(),
                            UUID.randomUUID().toString());
                }
            }
            String reason = unusable.orElse("no log-based capture");
            if (mode.equals("LOG_BASED")) {
                throw new EngineException("Log-based CDC is not possible on source endpoint '"
                        + source.endpointIdentifier() + "': " + reason);
            }
            LOG.info("source {}: {}; CDC falls back to polling by primary key every {} ms",
                    source.endpointIdentifier(), reason, config.pollInterval().toMillis());
        }
        String id = checkpoint.filter(c -> c.startsWith("dmskit-polling:")).map(c -> c.split(":")[1])
                .orElse(UUID.randomUUID().toString());
        return new PollingCapture(source, tables, snapshot, ctx.clock(), config.pollInterval(), id);
    }

    /** @return why the source's change log cannot be used, empty when it can */
    static Optional<String> logUnusableReason(JdbcEndpoint source) throws SQLException {
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            if (source.dialect() == Dialect.MYSQL) {
                String logBin;
                String format;
                try (ResultSet rs = s.executeQuery("SELECT @@log_bin, @@binlog_format")) {
                    rs.next();
                    logBin = rs.getString(1);
                    format = rs.getString(2);
                }
                if (!"1".equals(logBin) && !"ON".equalsIgnoreCase(logBin)) {
                    return Optional.of("binary logging is off (log_bin=OFF)");
                }
                if (!"ROW".equalsIgnoreCase(format)) {
                    return Optional.of("binlog_format is " + format + ", DMS needs ROW");
                }
                return Optional.empty();
            }
            try (ResultSet rs = s.executeQuery("SHOW wal_level")) {
                rs.next();
                String level = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!level.equals("logical")) {
                    return Optional.of("wal_level is " + level + ", logical decoding needs logical");
                }
            }
            return Optional.empty();
        }
    }
}
