package io.dmskit.verify;

import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.internal.ReportFormats;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.report.Totals;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.CountMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Verifier#verifyRowCounts()}: one {@link TableVerification} per table (source count, target
 * count with its full-load / CDC breakdown, DMS table statistics, difference, status) and totals. Assert on it in a
 * test, print it, or save it as JSON or as one offline HTML page.
 *
 * <pre>{@code
 * VerificationReport report = verifier.verifyRowCounts();
 * System.out.println(report.toText());
 * report.assertAllMatch();
 * }</pre>
 */
public final class VerificationReport {

    /**
     * Version of the JSON document's schema ({@code "schemaVersion"}); bumped only on incompatible changes. 2: the
     * content statuses ({@code CONTENT_MATCH}, {@code CONTENT_MISMATCH}, {@code LOB_TRUNCATED}) and each table's
     * {@code "content"} object (docs/content-verification.md).
     */
    public static final int JSON_SCHEMA_VERSION = 2;

    private final Instant generatedAt;
    private final Duration elapsed;
    private final String source;
    private final String target;
    private final String taskArn;
    private final CountMode countMode;
    private final Tolerance tolerance;
    private final List<TableVerification> tables;
    private final CdcProbeResult probe;

    /**
     * Creates a {@code VerificationReport}.
     *
     * @param generatedAt when verification finished
     * @param elapsed how long it took
     * @param source description of the source (product, never credentials)
     * @param target description of the target
     * @param taskArn the DMS task, or null
     * @param countMode how the source was counted
     * @param tolerance the CDC-lag tolerance applied
     * @param tables per-table results
     * @param probe a CDC probe result to show with the report, or null
     */
    public VerificationReport(Instant generatedAt, Duration elapsed, String source, String target, String taskArn,
                              CountMode countMode, Tolerance tolerance, List<TableVerification> tables,
                              CdcProbeResult probe) {
        this.generatedAt = Checks.require(generatedAt, "generatedAt", "VerificationReport");
        this.elapsed = Checks.require(elapsed, "elapsed", "VerificationReport");
        this.source = Checks.require(source, "source", "VerificationReport");
        this.target = Checks.require(target, "target", "VerificationReport");
        this.taskArn = taskArn;
        this.countMode = Checks.require(countMode, "countMode", "VerificationReport");
        this.tolerance = Checks.require(tolerance, "tolerance", "VerificationReport");
        this.tables = Checks.copyOf(tables, "tables", "VerificationReport");
        this.probe = probe;
    }

    /** {@return a copy of this report that also shows the probe (in text, JSON and the HTML timeline)} */
    public VerificationReport withProbe(CdcProbeResult probeResult) {
        return new VerificationReport(generatedAt, elapsed, source, target, taskArn, countMode, tolerance, tables,
                probeResult);
    }

    /** {@return per-table results, sorted by name} */
    public List<TableVerification> tables() {
        return tables;
    }

    /** {@return the result for a source table (or, for extra tables, the target table), ignoring case} */
    public Optional<TableVerification> table(String schema, String table) {
        return tables.stream().filter(t -> (t.sourceTable() != null && t.sourceSchema().equalsIgnoreCase(schema)
                        && t.sourceTable().equalsIgnoreCase(table))
                        || (t.sourceTable() == null && t.targetSchema().equalsIgnoreCase(schema)
                        && t.targetTable().equalsIgnoreCase(table)))
                .findFirst();
    }

    /** {@return tables whose status is not MATCH} */
    public List<TableVerification> failures() {
        return tables.stream().filter(t -> !t.status().isSuccess()).toList();
    }

    /** {@return tables whose status is {@link VerificationStatus#PENDING}: DMS is still loading or applying them} */
    public List<TableVerification> pending() {
        return tables.stream().filter(t -> t.status() == VerificationStatus.PENDING).toList();
    }

    /** {@return whether every table matched} */
    public boolean allMatch() {
        return failures().isEmpty();
    }

    /** {@return sums and the number of tables per status} */
    public Totals totals() {
        Map<VerificationStatus, Integer> by = new EnumMap<>(VerificationStatus.class);
        for (VerificationStatus s : VerificationStatus.values()) {
            by.put(s, 0);
        }
        long src = 0;
        long tgt = 0;
        for (TableVerification t : tables) {
            by.merge(t.status(), 1, Integer::sum);
            src += Math.max(0, t.sourceRowCount().orElse(-1));
            tgt += Math.max(0, t.targetRowCount().orElse(-1));
        }
        return new Totals(tables.size(), src, tgt, by);
    }

    /** {@return when verification finished} */
    public Instant generatedAt() {
        return generatedAt;
    }

    /** {@return how long verification took} */
    public Duration elapsed() {
        return elapsed;
    }

    /** {@return the source description} */
    public String source() {
        return source;
    }

    /** {@return the target description} */
    public String target() {
        return target;
    }

    /** {@return the DMS task, when one was given} */
    public Optional<String> taskArn() {
        return Optional.ofNullable(taskArn);
    }

    /** {@return how the source was counted} */
    public CountMode countMode() {
        return countMode;
    }

    /** {@return the tolerance applied} */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** {@return the CDC probe shown with this report, if any} */
    public Optional<CdcProbeResult> probe() {
        return Optional.ofNullable(probe);
    }

    /**
     * The exact check: every table must be {@link VerificationStatus#MATCH} (or, from {@link ContentVerifier},
     * {@link VerificationStatus#CONTENT_MATCH}), so a {@link VerificationStatus#PENDING}
     * table fails it too (listed apart from the real failures, with why DMS is not done). For a live task, wait
     * first with {@link Verifier#verifyWhenCaughtUp(Duration)}, or accept pending tables with
     * {@link #assertNoMismatch()}.
     *
     * @throws AssertionError listing every table that did not match with its source and target counts, the
     *         difference and where the target was read, and for content verification the missing, extra and
     *         differing keys sampled; also when an attached CDC probe failed
     */
    public void assertAllMatch() {
        List<TableVerification> bad = failures();
        boolean probeFailed = probe != null && !probe.succeeded();
        if (bad.isEmpty() && !probeFailed) {
            return;
        }
        throw new AssertionError(ReportFormats.failureMessage(this, bad));
    }

    /**
     * The lenient check, for a live task: fails on every table that is not {@link VerificationStatus#MATCH} or
     * {@link VerificationStatus#PENDING} ({@link VerificationStatus#isFailure()}) and on a failed attached probe;
     * tables DMS is still loading or applying changes to pass. {@link #assertAllMatch()} is the exact check; to wait
     * instead of accepting, use {@link Verifier#verifyWhenCaughtUp(Duration)}.
     *
     * @throws AssertionError listing every failing table like {@link #assertAllMatch()}
     */
    public void assertNoMismatch() {
        List<TableVerification> bad = tables.stream().filter(t -> t.status().isFailure()).toList();
        boolean probeFailed = probe != null && !probe.succeeded();
        if (bad.isEmpty() && !probeFailed) {
            return;
        }
        throw new AssertionError(ReportFormats.failureMessage(this, bad));
    }

    /** {@return a fixed-width table for a terminal} */
    public String toText() {
        return ReportFormats.text(this);
    }

    /** {@return the JSON document (schema documented in the module README, {@link #JSON_SCHEMA_VERSION})} */
    public String toJson() {
        return ReportFormats.json(this);
    }

    /** {@return one self-contained HTML page (inline CSS and SVG, no external resources)} */
    public String toHtml() {
        return ReportFormats.html(this);
    }

    /**
     * Writes {@link #toHtml()} to a file.
     *
     * @param file the file to (over)write
     * @return the file
     * @throws io.dmskit.core.exception.InvalidDefinitionException when file is null
     * @throws VerificationException when the file cannot be written (operation {@code writeHtml})
     */
    public Path writeHtml(Path file) {
        Checks.require(file, "file", "VerificationReport.writeHtml");
        try {
            Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException | RuntimeException e) {
            throw new VerificationException("could not write the report to " + file + ": " + e.getMessage(),
                    String.valueOf(file), "writeHtml", e);
        }
    }

    @Override
    public String toString() {
        Totals t = totals();
        int pending = pending().size();
        return "VerificationReport{" + t.tables() + " tables, " + t.count(VerificationStatus.MATCH) + " match, "
                + (pending == 0 ? "" : pending + " pending, ") + (failures().size() - pending) + " not matching}";
    }
}
