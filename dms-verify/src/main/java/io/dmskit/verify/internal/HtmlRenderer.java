package io.dmskit.verify.internal;

import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Totals;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.target.TargetCount;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One self-contained HTML page: inline CSS and SVG only, no scripts, fonts or images from elsewhere, so it opens
 * offline and can be attached to a CI run.
 */
final class HtmlRenderer {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;margin:24px;color:#1f2933;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            .meta{color:#52606d;font-size:13px;margin-bottom:16px}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
            .card{border:1px solid #d9e2ec;border-radius:6px;padding:8px 14px;min-width:110px}
            .card b{display:block;font-size:20px}.card span{font-size:12px;color:#52606d}
            table{border-collapse:collapse;font-size:13px;width:100%}
            th,td{border-bottom:1px solid #e4e7eb;padding:5px 8px;text-align:left;vertical-align:top}
            th{background:#f5f7fa;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;font-weight:700;color:#fff}
            .MATCH{background:#2f9e44}.MISMATCH{background:#e03131}.MISSING_ON_TARGET{background:#c92a2a}
            .EXTRA_ON_TARGET{background:#9c36b5}.PENDING{background:#f08c00}.ERROR{background:#495057}
            .CONTENT_MATCH{background:#2f9e44}.CONTENT_MISMATCH{background:#e03131}.LOB_TRUNCATED{background:#d9480f}
            .DIFFERENT{background:#e03131}.MISSING{background:#c92a2a}.EXTRA{background:#9c36b5}
            td.v{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all;max-width:360px}
            .loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#334e68;word-break:break-all}
            .notes{color:#52606d;font-size:12px;margin:2px 0 0;padding-left:16px}
            .ok{color:#2f9e44;font-weight:700}.bad{color:#e03131;font-weight:700}.wait{color:#d9480f;font-weight:700}
            .card span.badge{color:#fff;font-size:16px;padding:1px 10px}
            svg text{font-family:inherit}
            """;

    private HtmlRenderer() {
    }

    /** @return the page */
    public static String render(VerificationReport r) {
        StringBuilder sb = new StringBuilder(16384);
        Totals t = r.totals();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>dmskit verification: ").append(esc(r.allMatch() ? "all tables match"
                        : r.failures().size() + " table(s) need attention")).append("</title><style>")
                .append(CSS).append("</style></head><body>\n");
        int pending = r.pending().size();
        int failed = r.failures().size() - pending;
        boolean content = r.tables().stream().anyMatch(x -> x.content().isPresent());
        sb.append(content ? "<h1>DMS content verification " : "<h1>DMS row-count verification ").append(r.allMatch()
                ? "<span class=\"ok\">&#10003; all tables match</span>"
                : failed > 0
                ? "<span class=\"bad\">&#10007; " + failed + " of " + t.tables() + " tables do not match</span>"
                        + (pending > 0 ? " <span class=\"wait\">(" + pending + " still pending)</span>" : "")
                : "<span class=\"wait\">&#8987; " + pending + " of " + t.tables()
                        + " tables still pending: DMS is not done yet</span>").append("</h1>\n");
        sb.append("<div class=\"meta\">Source <b>").append(esc(r.source())).append("</b> &rarr; target <b>")
                .append(esc(r.target())).append("</b>");
        r.taskArn().ifPresent(a -> sb.append(" &middot; task <span class=\"loc\">").append(esc(a)).append("</span>"));
        sb.append(content ? "<br>Compared: every row by key-range checksums, differing ranges row by row &middot; "
                + "counted: " : "<br>Source counted: ").append(r.countMode() == io.dmskit.verify.source.CountMode.ESTIMATE
                        ? "<b>ESTIMATE</b> (catalog statistics, approximate)" : "exact COUNT(*)")
                .append(" &middot; tolerance ").append(esc(r.tolerance().toString())).append(" &middot; generated ")
                .append(esc(r.generatedAt().toString())).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0)).append("</div>\n");
        sb.append("<div class=\"cards\">");
        card(sb, num(t.tables()), "tables");
        card(sb, num(t.sourceRows()), "source rows");
        card(sb, num(t.targetRows()), "target rows");
        for (VerificationStatus s : VerificationStatus.values()) {
            if (t.count(s) > 0) {
                card(sb, "<span class=\"badge " + s + "\">" + t.count(s) + "</span>", s.name());
            }
        }
        sb.append("</div>\n");
        sb.append("<h2>Source vs target per table</h2>\n");
        chart(sb, r);
        sb.append("<h2>Tables</h2>\n<table><thead><tr><th>Table</th><th>Status</th><th>Source</th><th>Target</th>")
                .append("<th>Difference</th><th>Full load</th><th>Inserts</th><th>Updates</th><th>Deletes</th>")
                .append("<th>DMS table statistics</th><th>Target read from</th></tr></thead><tbody>\n");
        for (TableVerification tv : r.tables()) {
            row(sb, tv);
        }
        sb.append("</tbody></table>\n");
        contentSamples(sb, r);
        r.probe().ifPresent(p -> probe(sb, p));
        sb.append("<p class=\"meta\">Generated by dmskit dms-verify. This page is self-contained and works offline.</p>")
                .append("\n</body></html>\n");
        return sb.toString();
    }

    /** The differing rows content verification sampled, one table of them per table that differs. */
    private static void contentSamples(StringBuilder sb, VerificationReport r) {
        for (TableVerification t : r.tables()) {
            if (t.content().isEmpty() || t.content().get().matches()) {
                continue;
            }
            TableContent c = t.content().get();
            sb.append("<h2>Content differences: ").append(esc(t.name())).append("</h2>\n<div class=\"meta\">")
                    .append(esc(c.summary())).append(" &middot; ").append(c.checksumQueries())
                    .append(" checksum queries, ").append(c.rowsFetched()).append(" rows fetched");
            long more = c.totalDifferences() - c.samples().size();
            if (more > 0) {
                sb.append(" &middot; showing ").append(c.samples().size()).append(" of ").append(c.totalDifferences());
            }
            sb.append("</div>\n<table><thead><tr><th>Difference</th><th>Key</th><th>Column</th><th>Source</th>")
                    .append("<th>Target</th></tr></thead><tbody>\n");
            for (ContentDifference d : c.samples()) {
                String css = switch (d.kind()) {
                    case MISSING_ON_TARGET -> "MISSING";
                    case EXTRA_ON_TARGET -> "EXTRA";
                    case DIFFERENT -> "DIFFERENT";
                    case LOB_TRUNCATED -> "LOB_TRUNCATED";
                };
                int span = Math.max(1, d.columns().size());
                sb.append("<tr><td rowspan=\"").append(span).append("\"><span class=\"badge ").append(css).append("\">")
                        .append(d.kind()).append("</span></td><td class=\"v\" rowspan=\"").append(span).append("\">")
                        .append(esc(d.keyText())).append("</td>");
                if (d.columns().isEmpty()) {
                    sb.append("<td colspan=\"3\" class=\"notes\">whole row</td></tr>\n");
                }
                boolean first = true;
                for (ContentDifference.ColumnDifference col : d.columns()) {
                    sb.append(first ? "" : "<tr>").append("<td>").append(esc(col.column())).append("</td><td class=\"v\">")
                            .append(value(col.sourceValue())).append("</td><td class=\"v\">")
                            .append(value(col.targetValue())).append("</td></tr>\n");
                    first = false;
                }
            }
            sb.append("</tbody></table>\n");
        }
    }

    private static String value(String v) {
        if (v == null) {
            return "<i>NULL</i>";
        }
        return esc(v.length() > 120 ? v.substring(0, 117) + "... (" + v.length() + " chars)" : v);
    }

    private static void card(StringBuilder sb, String value, String label) {
        sb.append("<div class=\"card\"><b>").append(value).append("</b><span>").append(esc(label))
                .append("</span></div>");
    }

    private static void chart(StringBuilder sb, VerificationReport r) {
        long max = 1;
        for (TableVerification t : r.tables()) {
            max = Math.max(max, Math.max(t.sourceRowCount().orElse(-1), t.targetRowCount().orElse(-1)));
        }
        int labelW = 260;
        int barW = 520;
        int rowH = 34;
        int h = 30 + Math.max(1, r.tables().size()) * rowH;
        int w = labelW + barW + 190;
        sb.append("<svg role=\"img\" aria-label=\"Source and target row counts per table\" style=\"max-width:100%;height:auto\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.append("<rect x=\"").append(labelW).append("\" y=\"4\" width=\"12\" height=\"10\" fill=\"#4c6ef5\"/>")
                .append("<text x=\"").append(labelW + 16).append("\" y=\"13\" font-size=\"12\">source</text>")
                .append("<rect x=\"").append(labelW + 80).append("\" y=\"4\" width=\"12\" height=\"10\" fill=\"#2f9e44\"/>")
                .append("<text x=\"").append(labelW + 96).append("\" y=\"13\" font-size=\"12\">target</text>");
        int y = 26;
        for (TableVerification t : r.tables()) {
            long s = Math.max(0, t.sourceRowCount().orElse(-1));
            long g = Math.max(0, t.targetRowCount().orElse(-1));
            int sw = (int) Math.round((double) s / max * barW);
            int gw = (int) Math.round((double) g / max * barW);
            String color = t.status().isSuccess() ? "#2f9e44"
                    : t.status() == VerificationStatus.PENDING ? "#f08c00" : "#e03131";
            sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(esc(shorten(t.name(), 38)))
                    .append("</text>");
            sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(Math.max(sw, s > 0 ? 1 : 0)).append("\" height=\"12\" fill=\"#4c6ef5\"><title>source ")
                    .append(t.sourceRowCount().orElse(-1) < 0 ? "not counted" : num(s)).append("</title></rect>");
            sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 16).append("\" width=\"")
                    .append(Math.max(gw, g > 0 ? 1 : 0)).append("\" height=\"12\" fill=\"").append(color)
                    .append("\"><title>target ").append(t.targetRowCount().orElse(-1) < 0 ? "none" : num(g)).append("</title></rect>");
            sb.append("<text x=\"").append(labelW + Math.max(sw, gw) + 6).append("\" y=\"").append(y + 20)
                    .append("\" font-size=\"11\" fill=\"#52606d\">")
                    .append(t.sourceRowCount().orElse(-1) < 0 ? "-" : num(s)).append(" / ")
                    .append(t.targetRowCount().orElse(-1) < 0 ? "none" : num(g)).append(" &#183; ").append(t.status())
                    .append("</text>");
            y += rowH;
        }
        sb.append("</svg>\n");
    }

    private static void row(StringBuilder sb, TableVerification t) {
        TargetCount c = t.targetCount().orElse(null);
        boolean br = c != null && c.hasCdcBreakdown();
        sb.append("<tr><td>").append(esc(t.name()));
        if (t.sourceTable() != null && !(t.sourceSchema().equals(t.targetSchema())
                && t.sourceTable().equals(t.targetTable()))) {
            sb.append("<br><span class=\"notes\">&rarr; ").append(esc(t.targetSchema() + "." + t.targetTable()))
                    .append("</span>");
        }
        if (!t.notes().isEmpty() || t.error().isPresent()) {
            sb.append("<ul class=\"notes\">");
            t.error().ifPresent(e -> sb.append("<li><b>error:</b> ").append(esc(e)).append("</li>"));
            for (String n : t.notes()) {
                sb.append("<li>").append(esc(n)).append("</li>");
            }
            sb.append("</ul>");
        }
        sb.append("</td><td><span class=\"badge ").append(t.status()).append("\">").append(t.status())
                .append("</span>");
        t.statusReason().ifPresent(reason -> sb.append("<br><span class=\"notes\">").append(esc(reason))
                .append("</span>"));
        sb.append("</td>");
        sb.append("<td class=\"n\">").append(t.sourceCount().map(s -> (s.estimate() ? "~" : "") + num(s.rows())
                + (s.estimate() ? " <small>(estimate)</small>" : "")).orElse("&ndash;")).append("</td>");
        sb.append("<td class=\"n\">").append(c == null ? "&ndash;" : c.exists() ? num(c.rows()) : "none")
                .append("</td>");
        boolean both = t.sourceCount().isPresent() && c != null && c.exists();
        sb.append("<td class=\"n\">").append(both ? (t.difference() > 0 ? "+" : "") + num(t.difference()) : "")
                .append("</td>");
        sb.append("<td class=\"n\">").append(br ? num(c.fullLoadRows()) : "").append("</td>");
        sb.append("<td class=\"n\">").append(br ? num(c.inserts()) : "").append("</td>");
        sb.append("<td class=\"n\">").append(br ? num(c.updates()) : "").append("</td>");
        sb.append("<td class=\"n\">").append(br ? num(c.deletes()) : "").append("</td>");
        sb.append("<td>").append(t.dms().map(d -> "full load " + num(d.fullLoadRows()) + ", I " + num(d.inserts())
                + ", U " + num(d.updates()) + ", D " + num(d.deletes()) + "<br>" + esc(d.tableState())
                + (d.validationState() == null ? "" : ", validation " + esc(d.validationState()))).orElse(""))
                .append("</td>");
        sb.append("<td class=\"loc\">").append(esc(t.targetLocation()));
        if (c != null && c.getRequests() > 0) {
            sb.append("<br><span class=\"notes\">").append(c.fullLoadObjects()).append(" full-load + ")
                    .append(c.cdcObjects()).append(" CDC objects, ").append(c.getRequests()).append(" GETs, ")
                    .append(num(c.bytesRead())).append(" bytes</span>");
        }
        sb.append("</td></tr>\n");
    }

    private static void probe(StringBuilder sb, CdcProbeResult p) {
        sb.append("<h2>CDC probe ").append(p.succeeded() ? "<span class=\"ok\">&#10003; every change arrived</span>"
                : "<span class=\"bad\">&#10007; failed</span>").append("</h2>\n");
        sb.append("<div class=\"meta\">Probe table <b>").append(esc(p.probeTable())).append("</b>, marker <span class=\"loc\">")
                .append(esc(p.markerId())).append("</span>, watched <span class=\"loc\">").append(esc(p.targetLocation()))
                .append("</span>; marker row ").append(p.cleanedUp() ? "removed" : "<b>not removed</b>")
                .append(" from the source.</div>\n");
        p.failureMessage().ifPresent(f -> sb.append("<p class=\"bad\">").append(esc(f)).append("</p>\n"));
        Instant start = p.startedAt();
        Instant end = p.finishedAt();
        for (OperationResult o : p.operations()) {
            end = max(end, o.detectedAt().orElse(end));
        }
        long span = Math.max(1, Duration.between(start, end).toMillis());
        int left = 90;
        int width = 640;
        int rowH = 36;
        int h = 50 + p.operations().size() * rowH;
        sb.append("<svg role=\"img\" aria-label=\"CDC probe timeline\" style=\"max-width:100%;height:auto\" width=\"").append(left + width + 40)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(left + width + 40).append(' ')
                .append(h).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.append("<line x1=\"").append(left).append("\" y1=\"").append(h - 22).append("\" x2=\"").append(left + width)
                .append("\" y2=\"").append(h - 22).append("\" stroke=\"#9aa5b1\"/>");
        for (int i = 0; i <= 4; i++) {
            int x = left + width * i / 4;
            sb.append("<text x=\"").append(x).append("\" y=\"").append(h - 6)
                    .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\">")
                    .append(String.format(Locale.ROOT, "%.1f s", span * i / 4 / 1000.0)).append("</text>");
        }
        int row = 14;
        for (OperationResult o : p.operations()) {
            final int y = row;
            int xc = x(start, o.committedAt(), span, left, width);
            sb.append("<text x=\"").append(left - 10).append("\" y=\"").append(y + 12)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(o.operation()).append("</text>");
            int xd = o.detectedAt().map(d -> x(start, d, span, left, width)).orElse(left + width);
            sb.append("<line x1=\"").append(xc).append("\" y1=\"").append(y + 8).append("\" x2=\"").append(xd)
                    .append("\" y2=\"").append(y + 8).append("\" stroke=\"").append(o.seen() ? "#2f9e44" : "#e03131")
                    .append("\" stroke-width=\"3\"").append(o.seen() ? "" : " stroke-dasharray=\"4 3\"").append("/>");
            sb.append("<circle cx=\"").append(xc).append("\" cy=\"").append(y + 8)
                    .append("\" r=\"5\" fill=\"#4c6ef5\"><title>committed ").append(o.committedAt()).append("</title></circle>");
            o.visibleAt().ifPresent(v -> {
                int xv = x(start, v, span, left, width);
                sb.append("<rect x=\"").append(xv - 4).append("\" y=\"").append(y + 4)
                        .append("\" width=\"8\" height=\"8\" fill=\"#f08c00\"><title>visible ").append(v)
                        .append("</title></rect>");
            });
            o.detectedAt().ifPresent(d -> sb.append("<circle cx=\"").append(xd).append("\" cy=\"").append(y + 8)
                    .append("\" r=\"5\" fill=\"#2f9e44\"><title>detected ").append(d).append("</title></circle>"));
            sb.append("<text x=\"").append(Math.min(xd + 8, left + width - 120)).append("\" y=\"").append(y + 26)
                    .append("\" font-size=\"11\" fill=\"#52606d\">").append(o.seen()
                            ? "detected after " + String.format(Locale.ROOT, "%.2f s",
                            o.latencyToDetected().orElse(Duration.ZERO).toMillis() / 1000.0)
                            : "not seen").append("</text>");
            row += rowH;
        }
        sb.append("</svg>\n<div class=\"meta\">&#9679; blue: source commit &middot; &#9632; orange: object visible on ")
                .append("the target &middot; &#9679; green: detected by the probe</div>\n");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static int x(Instant start, Instant t, long span, int left, int width) {
        long ms = Math.max(0, Duration.between(start, t).toMillis());
        return left + (int) Math.min(width, Math.round((double) ms / span * width));
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
