package io.dmskit.verify.internal;

import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Totals;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.target.TargetCount;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The report's JSON document; the schema is documented in the module README and versioned. */
final class JsonRenderer {

    private JsonRenderer() {
    }

    /** @return the JSON document */
    public static String render(VerificationReport r) {
        JsonWriter w = new JsonWriter();
        Totals t = r.totals();
        w.beginObject();
        w.field("schemaVersion", VerificationReport.JSON_SCHEMA_VERSION);
        w.field("generatedAt", r.generatedAt().toString());
        w.field("elapsedMillis", r.elapsed().toMillis());
        w.field("source", r.source());
        w.field("target", r.target());
        w.field("taskArn", r.taskArn().orElse(null));
        w.field("countMode", r.countMode().name());
        w.name("tolerance").beginObject().field("rows", r.tolerance().rows()).name("fraction")
                .value(r.tolerance().fraction()).endObject();
        w.field("allMatch", r.allMatch());
        w.name("totals").beginObject().field("tables", t.tables()).field("sourceRows", t.sourceRows())
                .field("targetRows", t.targetRows());
        w.name("byStatus").beginObject();
        for (VerificationStatus s : VerificationStatus.values()) {
            w.field(s.name(), t.count(s));
        }
        w.endObject().endObject();
        w.name("tables").beginArray();
        for (TableVerification tv : r.tables()) {
            table(w, tv);
        }
        w.endArray();
        w.name("probe");
        if (r.probe().isPresent()) {
            probe(w, r.probe().get());
        } else {
            w.nullValue();
        }
        w.endObject();
        return w.toString() + "\n";
    }

    private static void table(JsonWriter w, TableVerification t) {
        w.beginObject();
        w.field("name", t.name());
        w.field("sourceSchema", t.sourceSchema());
        w.field("sourceTable", t.sourceTable());
        w.field("targetSchema", t.targetSchema());
        w.field("targetTable", t.targetTable());
        w.field("status", t.status().name());
        w.field("statusReason", t.statusReason().orElse(null));
        boolean both = t.sourceCount().isPresent() && t.targetCount().map(TargetCount::exists).orElse(false);
        w.name("difference");
        if (both) {
            w.value(t.difference());
        } else {
            w.nullValue();
        }
        w.name("source");
        if (t.sourceCount().isPresent()) {
            SourceCount s = t.sourceCount().get();
            w.beginObject().field("rows", s.rows()).field("estimate", s.estimate())
                    .field("filter", s.filter().orElse(null)).field("elapsedMillis", s.elapsed().toMillis())
                    .endObject();
        } else {
            w.nullValue();
        }
        w.name("target");
        if (t.targetCount().isPresent()) {
            TargetCount c = t.targetCount().get();
            w.beginObject().field("location", c.location()).field("exists", c.exists()).field("rows", c.rows());
            optional(w, "fullLoadRows", c.hasCdcBreakdown(), c.fullLoadRows());
            optional(w, "inserts", c.hasCdcBreakdown(), c.inserts());
            optional(w, "updates", c.hasCdcBreakdown(), c.updates());
            optional(w, "deletes", c.hasCdcBreakdown(), c.deletes());
            w.field("fullLoadObjects", c.fullLoadObjects()).field("cdcObjects", c.cdcObjects())
                    .field("bytesRead", c.bytesRead()).field("getRequests", c.getRequests());
            strings(w, "notes", c.notes());
            w.endObject();
        } else {
            w.nullValue();
        }
        w.name("dms");
        if (t.dms().isPresent()) {
            DmsTableStatistics d = t.dms().get();
            w.beginObject().field("schema", d.schema()).field("table", d.table())
                    .field("fullLoadRows", d.fullLoadRows()).field("inserts", d.inserts())
                    .field("updates", d.updates()).field("deletes", d.deletes()).field("tableState", d.tableState())
                    .field("validationState", d.validationState()).endObject();
        } else {
            w.nullValue();
        }
        strings(w, "notes", t.notes());
        w.field("error", t.error().orElse(null));
        w.name("content");
        if (t.content().isPresent()) {
            content(w, t.content().get());
        } else {
            w.nullValue();
        }
        w.endObject();
    }

    private static void content(JsonWriter w, TableContent c) {
        w.beginObject().field("matches", c.matches()).field("primaryKey", c.primaryKey())
                .field("sourceRows", c.sourceRows()).field("targetRows", c.targetRows())
                .field("missingOnTarget", c.missingOnTarget()).field("extraOnTarget", c.extraOnTarget())
                .field("differing", c.differing()).field("lobTruncated", c.lobTruncated());
        w.name("lobMaxSizeKb");
        if (c.lobMaxSizeKb().isPresent()) {
            w.value(c.lobMaxSizeKb().getAsInt());
        } else {
            w.nullValue();
        }
        w.field("checksumQueries", c.checksumQueries()).field("rowsFetched", c.rowsFetched());
        strings(w, "notes", c.notes());
        w.name("samples").beginArray();
        for (ContentDifference d : c.samples()) {
            w.beginObject().field("kind", d.kind().name());
            w.name("key").beginObject();
            d.key().forEach(w::field);
            w.endObject();
            w.name("columns").beginArray();
            for (ContentDifference.ColumnDifference col : d.columns()) {
                w.beginObject().field("column", col.column()).field("source", col.sourceValue())
                        .field("target", col.targetValue()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
    }

    private static void probe(JsonWriter w, CdcProbeResult p) {
        w.beginObject();
        w.field("probeTable", p.probeTable());
        w.field("targetLocation", p.targetLocation());
        w.field("markerId", p.markerId());
        w.field("startedAt", p.startedAt().toString());
        w.field("finishedAt", p.finishedAt().toString());
        w.field("succeeded", p.succeeded());
        w.field("outcome", p.outcome().name());
        w.field("failure", p.failureMessage().orElse(null));
        w.field("cleanedUp", p.cleanedUp());
        w.name("operations").beginArray();
        for (OperationResult o : p.operations()) {
            w.beginObject();
            w.field("operation", o.operation().name());
            w.field("committedAt", o.committedAt().toString());
            w.field("visibleAt", o.visibleAt().map(Instant::toString).orElse(null));
            w.field("detectedAt", o.detectedAt().map(Instant::toString).orElse(null));
            millis(w, "latencyToVisibleMillis", o.latencyToVisible());
            millis(w, "latencyToDetectedMillis", o.latencyToDetected());
            w.field("where", o.where().orElse(null));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void millis(JsonWriter w, String name, Optional<Duration> d) {
        w.name(name);
        if (d.isPresent()) {
            w.value(d.get().toMillis());
        } else {
            w.nullValue();
        }
    }

    private static void optional(JsonWriter w, String name, boolean present, long v) {
        w.name(name);
        if (present) {
            w.value(v);
        } else {
            w.nullValue();
        }
    }

    private static void strings(JsonWriter w, String name, List<String> values) {
        w.name(name).beginArray();
        for (String s : values) {
            w.value(s);
        }
        w.endArray();
    }
}
