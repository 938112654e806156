package io.dmskit.observe.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.observe.MetricValues;
import io.dmskit.observe.TableState;
import io.dmskit.observe.TaskSnapshot;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Text and JSON renderings of a {@link TaskSnapshot}; redaction of secrets in DMS's failure messages. */
public final class SnapshotRendering {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code password=...}, {@code pwd: ...}, {@code secret=...} up to the next separator. */
    private static final Pattern SECRET = Pattern.compile(
        "(?i)\\b(password|passwd|pwd|secret|secretstring|token)(\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^\\s;,)]+)");

    private SnapshotRendering() {
    }

    /**
     * @param text text from DMS, may be null
     * @return the text with values after password/secret/token keys replaced by {@code ****}
     */
    public static String redact(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("$1$2****");
    }

    /**
     * @param s snapshot
     * @return one line
     */
    public static String summary(TaskSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(s.identifier()).append(' ').append(s.statusText());
        s.stopReason().ifPresent(r -> b.append(" (").append(r).append(')'));
        b.append(", full load ").append(s.fullLoadProgressPercent()).append("%, tables loaded=")
            .append(s.tablesLoaded()).append(" loading=").append(s.tablesLoading()).append(" queued=")
            .append(s.tablesQueued()).append(" errored=").append(s.tablesErrored());
        s.metrics().cdcLatencySource().ifPresent(d -> b.append(", CDCLatencySource=").append(secs(d.toMillis())));
        s.metrics().cdcLatencyTarget().ifPresent(d -> b.append(", CDCLatencyTarget=").append(secs(d.toMillis())));
        return b.toString();
    }

    /**
     * @param s snapshot
     * @return several lines
     */
    public static String text(TaskSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(s.type() == io.dmskit.observe.ResourceType.TASK ? "task " : "replication ").append(s.identifier())
            .append(" (").append(s.resourceId()).append(")");
        s.instanceIdentifier().ifPresent(i -> b.append(" on ").append(i));
        b.append(" at ").append(s.observedAt()).append('\n');
        b.append("  status:     ").append(s.statusText());
        s.stopReason().ifPresent(r -> b.append(", stop reason: ").append(r));
        b.append('\n');
        s.lastFailure().ifPresent(f -> b.append("  failure:    ").append(f).append('\n'));
        b.append("  full load:  ").append(s.fullLoadProgressPercent()).append("% (loaded ").append(s.tablesLoaded())
            .append(", loading ").append(s.tablesLoading()).append(", queued ").append(s.tablesQueued())
            .append(", errored ").append(s.tablesErrored()).append("), elapsed ").append(s.elapsed().toSeconds())
            .append("s\n");
        MetricValues m = s.metrics();
        if (m.values().isEmpty()) {
            b.append("  metrics:    none reported in the last periods\n");
        } else {
            b.append("  metrics (").append(m.period().toSeconds()).append("s period):\n");
            m.values().forEach((k, v) -> b.append("    ").append(String.format(Locale.ROOT, "%-30s %s", k,
                number(v))).append('\n'));
        }
        if (s.tablesRead()) {
            b.append("  tables:     ").append(s.tables().size()).append('\n');
            for (TableState t : s.tables()) {
                b.append("    ").append(String.format(Locale.ROOT, "%-40s %-16s rows=%d ins=%d upd=%d del=%d",
                    t.name(), t.state(), t.fullLoadRows(), t.inserts(), t.updates(), t.deletes())).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * @param s snapshot
     * @return JSON
     */
    public static String json(TaskSnapshot s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", s.type().name());
        o.put("identifier", s.identifier());
        o.put("arn", s.arn());
        o.put("resourceId", s.resourceId());
        s.instanceIdentifier().ifPresent(i -> o.put("instanceIdentifier", i));
        o.put("migrationType", s.migrationType());
        o.put("status", s.statusText());
        s.stopReason().ifPresent(r -> o.put("stopReason", r));
        s.lastFailure().ifPresent(f -> o.put("lastFailure", f));
        o.put("fullLoadProgressPercent", s.fullLoadProgressPercent());
        o.put("tablesLoaded", s.tablesLoaded());
        o.put("tablesLoading", s.tablesLoading());
        o.put("tablesQueued", s.tablesQueued());
        o.put("tablesErrored", s.tablesErrored());
        o.put("elapsedMillis", s.elapsed().toMillis());
        o.put("observedAt", s.observedAt().toString());
        ObjectNode metrics = o.putObject("metrics");
        metrics.put("periodSeconds", s.metrics().period().toSeconds());
        for (Map.Entry<String, Double> e : s.metrics().values().entrySet()) {
            metrics.put(e.getKey(), e.getValue());
        }
        if (s.tablesRead()) {
            ArrayNode tables = o.putArray("tables");
            for (TableState t : s.tables()) {
                ObjectNode n = tables.addObject();
                n.put("schema", t.schema());
                n.put("table", t.table());
                n.put("state", t.state());
                n.put("fullLoadRows", t.fullLoadRows());
                n.put("inserts", t.inserts());
                n.put("updates", t.updates());
                n.put("deletes", t.deletes());
                n.put("ddls", t.ddls());
                n.put("fullLoadErrorRows", t.fullLoadErrorRows());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secs(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
            : String.format(Locale.ROOT, "%.3f", v);
    }
}
