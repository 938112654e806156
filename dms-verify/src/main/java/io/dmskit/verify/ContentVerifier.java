package io.dmskit.verify;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.settings.TargetMetadata;
import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.internal.ContentRun;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Verifies content, not just counts: for every table a {@link Verifier} covers, whether the target holds exactly the
 * source's rows, and if not, which keys are missing on the target, which are extra, and which differ and how.
 * Values are compared by meaning: both sides render each value to the canonical text DMS would write (see
 * docs/content-verification.md, "What counts as equal"); the task's column rules (rename, remove, digits masking)
 * apply. Tables without a primary key are compared as multisets of rows.
 *
 * <p>The work stays in the databases: both sides summarise the same key ranges into checksums with SQL; ranges that
 * differ are bisected until they hold at most {@link Builder#rowThreshold(int)} rows, which are then fetched and
 * compared row by row. Memory stays bounded whatever the table size; tables run in parallel (the verifier's
 * {@code parallelism}); {@link #cancel()} stops a running verification; progress goes to the verifier's
 * {@link VerificationListener}.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder().source(mysql).tableMappings(mappings)
 *         .target(JdbcTarget.of(postgres, "warehouse")).build();
 * VerificationReport report = ContentVerifier.of(verifier).verify();
 * report.assertAllMatch();   // fails naming the missing, extra and differing keys
 * }</pre>
 */
public final class ContentVerifier {

    private final Verifier verifier;
    private final int sampleLimit;
    private final int segments;
    private final int splitFactor;
    private final int rowThreshold;
    private final OptionalInt lobMaxSizeKb;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private ContentVerifier(Builder b) {
        this.verifier = b.verifier;
        this.sampleLimit = b.sampleLimit;
        this.segments = b.segments;
        this.splitFactor = b.splitFactor;
        this.rowThreshold = b.rowThreshold;
        this.lobMaxSizeKb = b.lobMaxSizeKb;
    }

    /**
     * {@return a content verifier with the default settings}
     *
     * @param verifier the verifier whose source, tables, target, listener, parallelism and query timeout to use
     * @throws InvalidDefinitionException when verifier is null
     */
    public static ContentVerifier of(Verifier verifier) {
        return builder().verifier(verifier).build();
    }

    /**
     * {@return the content verifier}
     *
     * @param spec sets up the builder
     * @throws InvalidDefinitionException listing every problem
     */
    public static ContentVerifier of(Consumer<Builder> spec) {
        Checks.require(spec, "spec", "ContentVerifier.of");
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /**
     * {@return a builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a builder with this content verifier's settings}
     */
    public Builder toBuilder() {
        Builder b = builder().verifier(verifier).sampleLimit(sampleLimit).segments(segments).splitFactor(splitFactor)
                .rowThreshold(rowThreshold);
        b.lobMaxSizeKb = lobMaxSizeKb;
        return b;
    }

    /**
     * Compares every table's content, once. A table that cannot be compared (no such target table, a replicated
     * column missing there, a query failing) is an {@code ERROR} row; the others are
     * {@link io.dmskit.verify.report.VerificationStatus#CONTENT_MATCH}, {@code CONTENT_MISMATCH} or
     * {@code LOB_TRUNCATED}, with {@link io.dmskit.verify.report.TableVerification#content()} holding the totals
     * and samples.
     *
     * @return the report (text, JSON and HTML show the content results)
     * @throws CancellationException when {@link #cancel()} was called while it ran
     * @throws UnsupportedContentTargetException when the target is S3 and this build cannot reconstruct it
     * @throws VerificationException when verification cannot run at all (source unreachable, task not found, ...)
     */
    public VerificationReport verify() {
        cancelled.set(false);
        ContentRun.Settings s = new ContentRun.Settings(sampleLimit, segments, splitFactor, rowThreshold,
                lobMaxSizeKb, 1, Duration.ZERO);
        try {
            return verifier.verifyContent(s, cancelled);
        } catch (VerificationException e) {
            if (e.getCause() instanceof CancellationException c) {
                throw c;
            }
            if (e.getCause() instanceof UnsupportedContentTargetException u) {
                throw u;
            }
            throw e;
        }
    }

    /** Stops a running {@link #verify()} at its next query or after the next rows streamed; it throws then. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public String toString() {
        return "ContentVerifier{" + verifier + ", samples=" + sampleLimit + ", rowThreshold=" + rowThreshold + "}";
    }

    /** Builder; {@link #build()} reports every invalid setting at once. */
    public static final class Builder {
        private Verifier verifier;
        private int sampleLimit = 20;
        private int segments = 64;
        private int splitFactor = 16;
        private int rowThreshold = 1024;
        private OptionalInt lobMaxSizeKb = OptionalInt.empty();

        private Builder() {
        }

        /**
         * Sets {@code verifier}: the verifier to take source, tables and target from (required).
         *
         * @param v the verifier to take source, tables and target from (required)
         * @return this
         */
        public Builder verifier(Verifier v) {
            this.verifier = v;
            return this;
        }

        /**
         * Sets {@code sampleLimit}: differing rows kept as samples per table (default 20, 0..10000).
         *
         * @param v differing rows kept as samples per table (default 20, 0..10000)
         * @return this
         */
        public Builder sampleLimit(int v) {
            this.sampleLimit = v;
            return this;
        }

        /**
         * Sets {@code segments}: key ranges of the first checksum pass (default 64, 1..4096).
         *
         * @param v key ranges of the first checksum pass (default 64, 1..4096)
         * @return this
         */
        public Builder segments(int v) {
            this.segments = v;
            return this;
        }

        /**
         * Sets {@code splitFactor}: sub-ranges a differing range is split into (default 16, 2..1024).
         *
         * @param v sub-ranges a differing range is split into (default 16, 2..1024)
         * @return this
         */
        public Builder splitFactor(int v) {
            this.splitFactor = v;
            return this;
        }

        /**
         * Sets {@code rowThreshold}: a differing range with at most this many rows is fetched and compared row by row
         * (default 1024, 1..1000000); this bounds memory.
         *
         * @param v a differing range with at most this many rows is fetched and compared row by row (default 1024,
         *          1..1000000); this bounds memory
         * @return this
         */
        public Builder rowThreshold(int v) {
            this.rowThreshold = v;
            return this;
        }

        /**
         * The task's LOB settings: in limited LOB mode ({@code LimitedSizeLobMode}, DMS's default), truncated LOBs
         * are reported as {@code LOB_TRUNCATED} naming {@code LobMaxSize} (DMS's default 32 KB when unset).
         *
         * @param v the task settings' TargetMetadata, or null (truncation still found, the limit not named)
         * @return this
         */
        public Builder targetMetadata(TargetMetadata v) {
            if (v == null || v.fullLobMode().orElse(false) || !v.limitedSizeLobMode().orElse(true)
                    || !v.supportLobs().orElse(true)) {
                this.lobMaxSizeKb = OptionalInt.empty();
            } else {
                this.lobMaxSizeKb = OptionalInt.of(v.lobMaxSize().orElse(32));
            }
            return this;
        }

        /**
         * Sets {@code lobMaxSizeKb}: the task's LobMaxSize in KB in limited LOB mode (0 or less: not known).
         *
         * @param kb the task's LobMaxSize in KB in limited LOB mode (0 or less: not known)
         * @return this
         */
        public Builder lobMaxSizeKb(int kb) {
            this.lobMaxSizeKb = kb > 0 ? OptionalInt.of(kb) : OptionalInt.empty();
            return this;
        }

        /**
         * {@return the content verifier}
         *
         * @throws InvalidDefinitionException listing every problem, each naming the setting
         */
        public ContentVerifier build() {
            Checks.Problems p = new Checks.Problems("ContentVerifier");
            p.add(verifier == null, "verifier", "verifier(Verifier) is required");
            p.add(sampleLimit < 0 || sampleLimit > 10_000, "sampleLimit", "must be 0..10000, was " + sampleLimit);
            p.add(segments < 1 || segments > 4096, "segments", "must be 1..4096, was " + segments);
            p.add(splitFactor < 2 || splitFactor > 1024, "splitFactor", "must be 2..1024, was " + splitFactor);
            p.add(rowThreshold < 1 || rowThreshold > 1_000_000, "rowThreshold",
                    "must be 1..1000000, was " + rowThreshold);
            p.throwIfAny();
            return new ContentVerifier(this);
        }
    }
}
