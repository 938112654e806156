package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Totals;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.target.TargetCount;

import java.util.ArrayList;
import java.util.List;

/** Plain-text renderings of a report: the terminal table and the assertion message. */
final class TextRenderer {

    private TextRenderer() {
    }

    /** @return a fixed-width table */
    public static String render(VerificationReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"TABLE", "STATUS", "SOURCE", "TARGET", "DIFF", "FULL LOAD", "INSERTS", "UPDATES",
            "DELETES", "DMS (FL/I/U/D, state)", "TARGET READ FROM"});
        for (TableVerification t : r.tables()) {
            TargetCount tc = t.targetCount().orElse(null);
            boolean br = tc != null && tc.hasCdcBreakdown();
            rows.add(new String[]{t.name(), t.status().name(), source(t), target(t), diff(t),
                br ? num(tc.fullLoadRows()) : "", br ? num(tc.inserts()) : "", br ? num(tc.updates()) : "",
                br ? num(tc.deletes()) : "", dms(t.dms().orElse(null)), t.targetLocation()});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean content = r.tables().stream().anyMatch(t -> t.content().isPresent());
        sb.append(content ? "Content verification: " : "Row-count verification: ").append(r.source()).append(" -> ").append(r.target());
        r.taskArn().ifPresent(a -> sb.append(" (task ").append(a).append(')'));
        sb.append('\n');
        sb.append("Source counted: ").append(r.countMode()).append(", tolerance: ").append(r.tolerance())
                .append(", generated ").append(r.generatedAt()).append(" in ")
                .append(String.format("%.1f s", r.elapsed().toMillis() / 1000.0)).append("\n\n");
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = k > 0 && i >= 2 && i <= 8;
                String cell = numeric ? pad(row[i], w[i], true) : pad(row[i], w[i], false);
                sb.append(i == row.length - 1 ? cell.stripTrailing() : cell + "  ");
            }
            sb.append('\n');
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
        }
        Totals tot = r.totals();
        sb.append('\n').append(tot.tables()).append(" tables, source ").append(num(tot.sourceRows()))
                .append(" rows, target ").append(num(tot.targetRows())).append(" rows; ");
        List<String> parts = new ArrayList<>();
        for (VerificationStatus s : VerificationStatus.values()) {
            if (tot.count(s) > 0) {
                parts.add(tot.count(s) + " " + s);
            }
        }
        sb.append(parts.isEmpty() ? "nothing verified" : String.join(", ", parts)).append('\n');
        if (tot.count(VerificationStatus.PENDING) > 0) {
            sb.append("PENDING: DMS is still loading or applying changes to ")
                    .append(tot.count(VerificationStatus.PENDING))
                    .append(" table(s); not a mismatch yet (verifyWhenCaughtUp(timeout) waits for them)\n");
        }
        List<String> notes = new ArrayList<>();
        for (TableVerification t : r.tables()) {
            t.statusReason().ifPresent(reason -> notes.add(t.name() + ": " + t.status() + " because " + reason));
            t.error().ifPresent(e -> notes.add(t.name() + ": ERROR " + e));
            for (String n : t.notes()) {
                notes.add(t.name() + ": " + n);
            }
        }
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n");
            for (String n : notes) {
                sb.append("  - ").append(n).append('\n');
            }
        }
        List<TableVerification> differing = r.tables().stream()
                .filter(t -> t.content().filter(c -> !c.matches()).isPresent()).toList();
        if (!differing.isEmpty()) {
            sb.append("\nDifferences (samples):\n");
            for (TableVerification t : differing) {
                sb.append("  ").append(t.name()).append(": ").append(t.content().get().summary()).append('\n');
                samples(sb, t, "    ");
            }
        }
        r.probe().ifPresent(p -> sb.append('\n').append(p.toText()));
        return sb.toString();
    }

    /** @return the message of {@code assertAllMatch()}'s AssertionError */
    public static String failureMessage(VerificationReport r, List<TableVerification> bad) {
        StringBuilder sb = new StringBuilder();
        List<TableVerification> failed = bad.stream().filter(t -> t.status() != VerificationStatus.PENDING).toList();
        List<TableVerification> pending = bad.stream().filter(t -> t.status() == VerificationStatus.PENDING).toList();
        if (!failed.isEmpty()) {
            sb.append(failed.size()).append(" of ").append(r.tables().size())
                    .append(" tables do not match (tolerance ").append(r.tolerance()).append(", source ")
                    .append(r.source()).append(", target ").append(r.target()).append("):\n");
            for (TableVerification t : failed) {
                line(sb, t);
            }
        }
        if (!pending.isEmpty()) {
            sb.append(pending.size()).append(" of ").append(r.tables().size())
                    .append(" tables are still PENDING (DMS is still loading or applying changes to them;"
                            + " verifyWhenCaughtUp(timeout) waits for them, assertNoMismatch() accepts them):\n");
            for (TableVerification t : pending) {
                line(sb, t);
            }
        }
        r.probe().filter(p -> !p.succeeded()).ifPresent(p -> sb.append("CDC probe failed: ")
                .append(p.failureMessage().orElse("not every change was seen")).append('\n'));
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, TableVerification t) {
        sb.append("  - ").append(t.name()).append(": ").append(t.status());
        t.statusReason().ifPresent(reason -> sb.append(" (").append(reason).append(')'));
        sb.append(" - ").append(explain(t)).append('\n');
        samples(sb, t, "      ");
    }

    /** Appends the content samples of a table, one per line, and how many more there are. */
    static void samples(StringBuilder sb, TableVerification t, String indent) {
        t.content().ifPresent(c -> {
            for (ContentDifference d : c.samples()) {
                sb.append(indent).append(d.kind()).append(' ').append(d.keyText());
                for (ContentDifference.ColumnDifference col : d.columns()) {
                    sb.append("; ").append(col);
                }
                sb.append('\n');
            }
            long more = c.totalDifferences() - c.samples().size();
            if (more > 0) {
                sb.append(indent).append("... and ").append(num(more)).append(" more\n");
            }
        });
    }

    static String explain(TableVerification t) {
        StringBuilder sb = new StringBuilder();
        sb.append("source ").append(t.sourceCount().map(TextRenderer::sourceWords).orElse("not counted"));
        sb.append(", target ");
        TargetCount tc = t.targetCount().orElse(null);
        if (tc == null) {
            sb.append("not read");
        } else if (!tc.exists()) {
            sb.append("nothing found");
        } else {
            sb.append(num(tc.rows())).append(" rows");
            if (tc.hasCdcBreakdown()) {
                sb.append(" (full load ").append(num(tc.fullLoadRows())).append(" + inserts ")
                        .append(num(tc.inserts())).append(" - deletes ").append(num(tc.deletes()))
                        .append("; updates ").append(num(tc.updates())).append(')');
            }
        }
        if (t.sourceCount().isPresent() && tc != null && tc.exists()) {
            sb.append(", difference ").append(signed(t.difference()));
        }
        t.dms().ifPresent(d -> sb.append(", DMS table statistics: full load ").append(num(d.fullLoadRows()))
                .append(", inserts ").append(num(d.inserts())).append(", updates ").append(num(d.updates()))
                .append(", deletes ").append(num(d.deletes())).append(", state '").append(d.tableState()).append('\''));
        sb.append(", target read from ").append(t.targetLocation());
        t.error().ifPresent(e -> sb.append(", error: ").append(e));
        return sb.toString();
    }

    private static String sourceWords(SourceCount s) {
        return (s.estimate() ? "~" : "") + num(s.rows()) + " rows" + (s.estimate() ? " (estimate)" : "")
                + s.filter().map(f -> " where " + f).orElse("");
    }

    private static String source(TableVerification t) {
        return t.sourceCount().map(s -> (s.estimate() ? "~" : "") + num(s.rows())).orElse("-");
    }

    private static String target(TableVerification t) {
        return t.targetCount().map(c -> c.exists() ? num(c.rows()) : "none").orElse("-");
    }

    private static String diff(TableVerification t) {
        if (t.sourceCount().isEmpty() || t.targetCount().isEmpty() || !t.targetCount().get().exists()) {
            return "";
        }
        return signed(t.difference());
    }

    private static String dms(DmsTableStatistics d) {
        if (d == null) {
            return "";
        }
        return d.fullLoadRows() + "/" + d.inserts() + "/" + d.updates() + "/" + d.deletes() + ", " + d.tableState();
    }

    static String num(long n) {
        return String.format("%,d", n);
    }

    static String signed(long n) {
        return (n > 0 ? "+" : "") + num(n);
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) {
            return s;
        }
        String p = " ".repeat(w - s.length());
        return right ? p + s : s + p;
    }
}
