package io.dmskit.verify.internal;

import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import io.dmskit.verify.VerificationException;
import io.dmskit.verify.probe.CdcProbeException;
import io.dmskit.verify.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which tables to verify: the tables given (or the source catalog, limited to the given schemas) that the
 * task's table mappings replicate, with their target names and source filters.
 */
public final class TablePlanner {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    private final List<SourceTable> tables;
    private final Set<String> schemas;
    private final String sourceName;

    /**
     * @param tables the source tables to consider; empty for the whole source catalog
     * @param schemas the schemas the catalog is limited to; empty for all
     * @param sourceName how the source is named in errors (may be null)
     */
    public TablePlanner(List<SourceTable> tables, Set<String> schemas, String sourceName) {
        this.tables = List.copyOf(tables);
        this.schemas = Set.copyOf(schemas);
        this.sourceName = sourceName;
    }

    /**
     * @param db the source
     * @param mappings the task's table mappings; null compares every candidate under its own name
     * @return the replicated tables, sorted by source name
     * @throws VerificationException when the source catalog cannot be listed
     */
    public TablePlan plan(Database db, TableMappings mappings) {
        List<PlannedTable> out = new ArrayList<>();
        for (SourceTable t : candidates(db)) {
            if (mappings == null) {
                out.add(new PlannedTable(t, t.schema(), t.table(), Optional.empty(), null));
                continue;
            }
            TableResolution r = mappings.resolve(t.schema(), t.table());
            if (r.included()) {
                out.add(new PlannedTable(t, r.targetSchema(), r.targetTable(), r.sqlPredicate(db.dialect()), r));
            } else {
                LOG.debug("{} is not replicated by the task's table mappings", t);
            }
        }
        out.sort(Comparator.comparing(PlannedTable::table));
        return new TablePlan(out);
    }

    /**
     * @return the schema of the first table the task replicates: where the CDC probe puts its table by default
     * @throws CdcProbeException when the mappings replicate no table of the source
     */
    public String firstReplicatedSchema(Database db, TableMappings mappings) {
        List<PlannedTable> planned = plan(db, mappings).tables();
        if (planned.isEmpty()) {
            throw new CdcProbeException("the task's table mappings replicate no table of the source, so there is no"
                    + " schema for the probe table; set CdcProbeOptions.schema(...)", null, null);
        }
        return planned.get(0).table().schema();
    }

    private List<SourceTable> candidates(Database db) {
        if (!tables.isEmpty()) {
            return tables;
        }
        List<SourceTable> out = new ArrayList<>();
        try {
            for (Database.TableName t : db.listTables()) {
                if (schemas.isEmpty() || schemas.contains(t.schema())) {
                    out.add(new SourceTable(t.schema(), t.table()));
                }
            }
        } catch (SQLException e) {
            throw new VerificationException("cannot list the source catalog: " + e.getMessage(), sourceName,
                    "listTables", e);
        }
        return out;
    }
}
