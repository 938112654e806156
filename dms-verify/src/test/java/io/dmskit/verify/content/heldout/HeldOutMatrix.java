package io.dmskit.verify.content.heldout;

import io.dmskit.core.Endpoint;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.content.heldout.HeldOutWorkload.Finding;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3Target;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out matrix: one source (MariaDB or PostgreSQL) holding the final state of every {@link HeldOutWorkload}
 * in a good and a bad table, and per S3 setting variant a fresh bucket that {@link HeldOutWriter} fills the way DMS
 * writes it; the verifier reads it through {@code S3Target.fromS3Settings} (or {@code fromEndpoint}) as a user
 * would. The good table must be CONTENT_MATCH, the bad one must report exactly the corruptions' keys.
 */
abstract class HeldOutMatrix {

    static final S3Client S3 = SharedS3.get().client();

    /**
     * One variant.
     *
     * @param name what it shows
     * @param workload what happened on the source
     * @param settings the endpoint's S3 settings (the bucket is filled in per run)
     * @param knobs Parquet details
     * @param viaEndpoint read the settings from a dms-core Endpoint instead of the SDK settings
     */
    record Variant(String name, HeldOutWorkload workload, S3Settings settings, HeldOutWriter.ParquetKnobs knobs,
                   boolean viaEndpoint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Variant csv(String name, HeldOutWorkload w, Consumer<S3Settings.Builder> s) {
        S3Settings.Builder b = S3Settings.builder().bucketName("placeholder");
        s.accept(b);
        return new Variant(name, w, b.build(), HeldOutWriter.ParquetKnobs.DMS, false);
    }

    static Variant parquet(String name, HeldOutWorkload w, HeldOutWriter.ParquetKnobs k,
                           Consumer<S3Settings.Builder> s) {
        S3Settings.Builder b = S3Settings.builder().bucketName("placeholder").dataFormat("parquet");
        s.accept(b);
        return new Variant(name, w, b.build(), k, false);
    }

    static Variant viaEndpoint(Variant v) {
        return new Variant(v.name() + " (from a dms-core Endpoint)", v.workload(), v.settings(), v.knobs(), true);
    }

    protected abstract HeldOutTable table();

    protected abstract DataSource source();

    protected abstract String schema();

    /** Creates the good and bad table of every workload with the workload's final source rows. */
    static void fill(DataSource ds, HeldOutTable t, String schema, boolean postgres) {
        List<String> sql = new ArrayList<>();
        if (!postgres) {
            sql.add("SET time_zone = '+00:00'");
            sql.add("SET sql_mode = 'ALLOW_INVALID_DATES'"); // lets the zero date in, as on older servers
        }
        for (HeldOutWorkload w : HeldOutWorkload.values()) {
            for (String table : List.of(w.good(), w.bad())) {
                String q = schema + "." + table;
                sql.add(t.createTable(q).replace("heldout_mood", schema + ".heldout_mood"));
                for (Map.Entry<Integer, Integer> r : w.sourceRows().entrySet()) {
                    sql.add(t.insert(q, r.getKey(), r.getValue()));
                }
            }
        }
        io.dmskit.verify.support.TestDatabases.exec(ds, sql.toArray(String[]::new));
    }

    /** Writes the variant's objects, verifies, and checks both tables. */
    void check(Variant v) {
        String bucket = SharedS3.newBucket();
        S3Settings settings = v.settings().toBuilder().bucketName(bucket).build();
        HeldOutWriter writer = new HeldOutWriter(S3, settings, v.knobs(), table(), schema());
        HeldOutWorkload w = v.workload();
        writer.load(w.good(), false);
        writer.load(w.bad(), true);
        if (Boolean.TRUE.equals(settings.preserveTransactions())) {
            writer.transactions(w.good(), w.batches(false), w.bad(), w.batches(true));
        } else {
            writer.cdc(w.good(), w.batches(false));
            writer.cdc(w.bad(), w.batches(true));
        }
        S3Target target = v.viaEndpoint()
                ? S3Target.fromEndpoint(Endpoint.s3("heldout").s3Settings(io.dmskit.core.endpoint.S3Settings
                        .fromSdk(settings.toBuilder().serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms")
                        .build())).build()).build()
                : S3Target.fromS3Settings(settings).build();
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%s%%"},"rule-action":"include"}]}""".formatted(schema(), w.prefix);
        Verifier verifier = Verifier.builder().source(source()).tableMappings(mappings).s3(S3).target(target).build();
        VerificationReport report = ContentVerifier.of(verifier).verify();

        TableVerification good = report.table(schema(), w.good()).orElseThrow();
        assertThat(good.error()).as("%s: good table error", v).isEmpty();
        assertThat(good.status()).as("%s: an identical target is CONTENT_MATCH; found %s", v,
                good.content().map(TableContent::samples).orElse(List.of())).isEqualTo(VerificationStatus.CONTENT_MATCH);
        assertThat(good.content().orElseThrow().sourceRows()).isEqualTo(w.sourceRows().size());
        if (Boolean.TRUE.equals(settings.cdcInsertsOnly()) || Boolean.TRUE.equals(settings.cdcInsertsAndUpdates())) {
            assertThat(good.content().orElseThrow().notes()).as("the report says what DMS leaves out by design")
                    .anyMatch(n -> n.startsWith("CdcInserts"));
        }

        TableVerification bad = report.table(schema(), w.bad()).orElseThrow();
        assertThat(bad.error()).as("%s: bad table error", v).isEmpty();
        TableContent c = bad.content().orElseThrow();
        Set<Finding> found = new LinkedHashSet<>();
        for (ContentDifference d : c.samples()) {
            found.add(new Finding(d.kind(), d.key().get("id")));
        }
        assertThat(found).as("%s: the corruptions' keys; samples %s", v, c.samples())
                .containsExactlyInAnyOrderElementsOf(w.findings(writer.nullDistinct()));
        assertThat(bad.status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
    }
}
