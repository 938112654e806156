package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.TableVerification;
import java.util.List;

/**
 * The formats a {@link VerificationReport} renders itself in: text, JSON, HTML and the message of a failed
 * {@code assertAllMatch()}. The renderers behind it are private to this package.
 */
public final class ReportFormats {

    private ReportFormats() {
    }

    /** @return the report as a fixed-width table for a terminal */
    public static String text(VerificationReport report) {
        return TextRenderer.render(report);
    }

    /** @return the report as its JSON document */
    public static String json(VerificationReport report) {
        return JsonRenderer.render(report);
    }

    /** @return the report as one self-contained HTML page */
    public static String html(VerificationReport report) {
        return HtmlRenderer.render(report);
    }

    /**
     * @param table one table's result
     * @return a one-line explanation: both counts, the difference, DMS's statistics, where the target was read
     */
    public static String explain(TableVerification table) {
        return table.name() + ": " + table.status() + table.statusReason().map(r -> " (" + r + ")").orElse("")
                + " - " + TextRenderer.explain(table);
    }

    /**
     * @param bad the tables that did not match
     * @return the message of {@code assertAllMatch()}'s AssertionError
     */
    public static String failureMessage(VerificationReport report, List<TableVerification> bad) {
        return TextRenderer.failureMessage(report, bad);
    }
}
