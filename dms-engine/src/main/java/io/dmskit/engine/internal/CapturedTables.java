package io.dmskit.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source tables a running task captures. It starts with the tables selected when the task started and follows
 * the source's DDL as DMS does during CDC: a table created later that the table mappings select joins the capture
 * (its rows are captured from its creation on, and the target gets it), and a table that was dropped leaves it (its
 * capture ends; nothing is retried). Thread-safe: a capture may resolve tables on its own reader thread (binlog)
 * while the CDC loop refreshes from the catalog.
 */
final class CapturedTables {

    private static final Logger LOG = LoggerFactory.getLogger(CapturedTables.class);

    private final JdbcEndpoint source;
    private final MappingsRouter router;
    private final String targetSchema;
    private final String taskName;
    private final Catalog catalog;
    private final Map<String, TablePlan> plans = new ConcurrentHashMap<>();
    /**
     * Dropped tables: their changes made before the drop may still be on their way (read from the log after the
     * catalog showed the drop) and are still written.
     */
    private final Map<String, TablePlan> retired = new ConcurrentHashMap<>();
    /** Tables the mappings do not select: the mappings are fixed for a run, so the answer is too. */
    private final Set<String> notSelected = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<TablePlan> added = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<TablePlan> dropped = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean refreshRequested = new AtomicBoolean();

    /**
     * @param source the source endpoint (new tables are described through it)
     * @param router the task's table mappings
     * @param targetSchema the task's TargetMetadata.TargetSchema ("" for none)
     * @param initial the tables selected at start
     * @param taskName for logs
     */
    CapturedTables(JdbcEndpoint source, MappingsRouter router, String targetSchema, List<TablePlan> initial,
                   String taskName) {
        this.source = source;
        this.router = router;
        this.targetSchema = targetSchema;
        this.taskName = taskName;
        this.catalog = new Catalog(source.dialect());
        for (TablePlan p : initial) {
            plans.put(key(p.source().schema(), p.source().name()), p);
        }
    }

    static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    /** @return the captured (or dropped, for its last changes) table so named, or null; no I/O */
    TablePlan get(String schema, String table) {
        String key = key(schema, table);
        TablePlan p = plans.get(key);
        return p != null ? p : retired.get(key);
    }

    /** @return the tables captured now */
    List<TablePlan> all() {
        return new ArrayList<>(plans.values());
    }

    /**
     * The captured table so named; a table not captured yet that the mappings select is described now and joins the
     * capture (a table created after the task started).
     *
     * @return the table's plan, or null when the mappings do not select it or it cannot be described (gone again)
     */
    TablePlan resolve(String schema, String table) {
        String key = key(schema, table);
        TablePlan known = plans.get(key);
        if (known != null || notSelected.contains(key)) {
            return known;
        }
        TableRoute route = router.route(schema, table);
        if (!route.included()) {
            notSelected.add(key);
            return null;
        }
        synchronized (this) {
            known = plans.get(key);
            if (known != null) {
                return known;
            }
            TablePlan plan;
            try (Connection c = source.connect()) {
                plan = new TablePlan(catalog.describe(c, schema, table), route, source.dialect(), targetSchema);
            } catch (SQLException e) {
                LOG.debug("task {}: {}.{} cannot be described (dropped again?): {}", taskName, schema, table,
                        e.getMessage());
                return retired.get(key);
            }
            plans.put(key, plan);
            retired.remove(key);
            added.add(plan);
            LOG.info("task {}: table {} was created on {} during CDC and the table mappings select it: capturing it",
                    taskName, plan, source.endpointIdentifier());
            return plan;
        }
    }

    /**
     * A table was dropped on the source: its capture ends.
     *
     * @return whether it was captured
     */
    boolean drop(String schema, String table) {
        TablePlan p = plans.remove(key(schema, table));
        if (p == null) {
            return false;
        }
        retired.put(key(schema, table), p);
        dropped.add(p);
        LOG.info("task {}: table {} was dropped on {}: its capture ends", taskName, p, source.endpointIdentifier());
        return true;
    }

    /** Asks the CDC loop to compare with the source's catalog at once (a capture saw DDL). */
    void requestRefresh() {
        refreshRequested.set(true);
    }

    /** @return whether a refresh was requested since the last call */
    boolean takeRefreshRequest() {
        return refreshRequested.getAndSet(false);
    }

    /**
     * Compares the captured tables with the source's catalog: selected tables that appeared join the capture, captured
     * tables that vanished leave it.
     *
     * @throws SQLException when the catalog cannot be read
     */
    void refresh() throws SQLException {
        Set<String> listed = new HashSet<>();
        List<String[]> tables;
        try (Connection c = source.connect()) {
            tables = catalog.listTables(c);
        }
        for (String[] t : tables) {
            listed.add(key(t[0], t[1]));
            resolve(t[0], t[1]);
        }
        for (TablePlan p : all()) {
            if (!listed.contains(key(p.source().schema(), p.source().name()))) {
                drop(p.source().schema(), p.source().name());
            }
        }
    }

    /** @return whether the table is still in the source's catalog (true when the catalog cannot be read) */
    boolean exists(String schema, String table) {
        try (Connection c = source.connect()) {
            for (String[] t : catalog.listTables(c)) {
                if (t[0].equals(schema) && t[1].equals(table)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return true; // the source is unreachable: not a sign that the table is gone
        }
    }

    /** @return a table that joined the capture since the last call, or null */
    TablePlan nextAdded() {
        return added.poll();
    }

    /** @return a table that left the capture since the last call, or null */
    TablePlan nextDropped() {
        return dropped.poll();
    }
}
