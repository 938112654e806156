package io.dmskit.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.model.s3.CsvFormatException;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.testsupport.HostileApiSweep;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * Hostile values through every public static factory, constructor, builder and value of dms-model (S3 output
 * settings, object names, CSV dialect and limits, Parquet columns, writer and limits, identifiers, engines,
 * statuses), found by reflection ({@link HostileApiSweep}): only the module's typed exceptions
 * ({@link DmsModelException}: {@link S3FormatException}, {@link CsvFormatException}, {@link ParquetFormatException}) and the
 * {@link IOException} that reading methods declare may escape, and {@code toString()} never throws.
 */
@Label("dms-model: hostile values through every public factory, builder and value")
class HostileApiProperties {

    static final List<Class<?>> API_CLASSES = HostileApiSweep.apiClasses(DmsEngine.class, "io.dmskit.model");

    static HostileApiSweep sweep() {
        return new HostileApiSweep(new HostileApiSweep.Config("io.dmskit.model",
            API_CLASSES,
            t -> t instanceof DmsModelException || t instanceof IOException,
            HostileApiProperties::extra,
            HostileApiProperties::skip));
    }

    static List<Object> extra(Class<?> type) {
        if (type == S3Settings.class) {
            return java.util.Arrays.asList(S3Settings.builder().bucketName("b").build(), null,
                S3Settings.builder().build(), S3Settings.builder().csvDelimiter("").maxFileSize(-1)
                    .cdcMaxBatchInterval(Integer.MIN_VALUE).datePartitionTimezone("Mars/Olympus").build());
        }
        if (type == S3OutputSettings.class) {
            return List.of(S3OutputSettings.builder().bucketName("b").build());
        }
        return null;
    }

    static boolean skip(Method m) {
        return false;
    }

    @Example
    @Label("every factory and every method reachable from it, one hostile argument at a time")
    void everyEntryPointEveryHostileValue() {
        HostileApiSweep s = sweep();
        s.sweepAll();
        s.sweepObject(io.dmskit.model.s3.CsvDialect.of(",", "\n", true, ""), "CsvDialect");
        s.sweepObject(io.dmskit.model.s3.S3ObjectNames.of(S3OutputSettings.builder().bucketName("b")
            .preserveTransactions(true).cdcPath("cdc").datePartitionEnabled(true).build()), "S3ObjectNames");
        s.sweepObject(S3OutputSettings.builder(), "S3OutputSettings.builder()");
        s.sweepObject(io.dmskit.model.s3.CsvDialect.of(",", "\n", true, "").reader(), "CsvDialect.reader()");
        s.sweepObject(io.dmskit.model.s3.parquet.ParquetWriter.builder()
            .column(io.dmskit.model.s3.parquet.ParquetColumn.string("a")), "ParquetWriter.builder()");
        assertThat(s.violations()).as(s.report()).isEmpty();
        assertThat(s.calls()).isGreaterThan(2_000);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(2).ofMaxSize(24);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    @Label("random chains of hostile calls from a random factory, then every use of the result")
    void randomChains(@ForAll("choices") List<Integer> choices) {
        HostileApiSweep s = sweep();
        s.chain(choices);
        assertThat(s.violations()).as(s.report()).isEmpty();
    }
}
