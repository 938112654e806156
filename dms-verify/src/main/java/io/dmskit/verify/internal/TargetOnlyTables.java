package io.dmskit.verify.internal;

import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.target.TargetCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the tables on the target that the task's table mappings select no source table for, in the target schemas the
 * planned tables go to (DMS's own {@code awsdms_*} tables left out).
 */
final class TargetOnlyTables {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    private TargetOnlyTables() {
    }

    /** @return one {@code EXTRA_ON_TARGET} row per table found only on the target */
    static List<TableVerification> find(TargetReader reader, List<PlannedTable> planned) {
        Set<String> expected = new HashSet<>();
        Set<String> targetSchemas = new LinkedHashSet<>();
        for (PlannedTable p : planned) {
            expected.add(TableKey.of(p.targetSchema(), p.targetTable()));
            targetSchemas.add(p.targetSchema());
        }
        List<TableVerification> out = new ArrayList<>();
        for (String schema : targetSchemas) {
            List<String> found;
            try {
                found = reader.listTables(schema);
            } catch (Exception e) {
                LOG.warn("cannot list target tables of schema {}: {}", schema, e.getMessage());
                continue;
            }
            for (String t : found) {
                if (expected.contains(TableKey.of(schema, t)) || t.toLowerCase(Locale.ROOT).startsWith("awsdms_")) {
                    continue;
                }
                out.add(extra(reader, schema, t));
            }
        }
        return out;
    }

    private static TableVerification extra(TargetReader reader, String schema, String table) {
        TargetCount tc;
        try {
            tc = reader.count(schema, table, List.of());
        } catch (Exception e) {
            return new TableVerification(null, null, schema, table, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, VerificationStatus.EXTRA_ON_TARGET,
                    List.of("on the target but not selected by the task's table mappings"),
                    Optional.of("reading it failed: " + e.getMessage()), Optional.empty());
        }
        return new TableVerification(null, null, schema, table, Optional.empty(), Optional.of(tc),
                Optional.empty(), 0, VerificationStatus.EXTRA_ON_TARGET,
                List.of("on the target but the task's table mappings select no such source table"),
                Optional.empty(), Optional.empty());
    }
}
