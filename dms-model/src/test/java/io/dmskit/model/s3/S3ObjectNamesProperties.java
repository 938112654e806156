package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every name the engine produces parses back to what it was produced from, whatever the settings. */
class S3ObjectNamesProperties {

    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Kolkata",
            "Pacific/Chatham");

    @Property(tries = 1000)
    @Label("a full-load key gives back schema, table, sequence and segment")
    void fullLoadKeys(@ForAll("settings") S3OutputSettings s, @ForAll("names") String schema,
                      @ForAll("names") String table, @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int sequence,
                      @ForAll("names") String segment, @ForAll @IntRange(min = 0, max = 999) int segmentNumber) {
        S3ObjectNames names = s.objectNames();

        S3ObjectKey plain = names.parse(names.fullLoadKey(schema, table, sequence));
        S3ObjectKey inFolder = names.parse(names.fullLoadKey(schema, table, segment, sequence));
        S3ObjectKey numbered = names.parse(names.segmentLoadKey(schema, table, segmentNumber, sequence));

        for (S3ObjectKey k : List.of(plain, inFolder, numbered)) {
            assertThat(k.kind()).as(k.key()).isEqualTo(S3ObjectKind.FULL_LOAD);
            assertThat(S3ObjectNames.kindOf(k.key())).isEqualTo(S3ObjectKind.FULL_LOAD);
            assertThat(k.schema()).contains(schema);
            assertThat(k.table()).contains(table);
            assertThat(k.loadSequence()).hasValue(sequence);
            assertThat(k.parquet()).isEqualTo(s.parquet());
            assertThat(k.gzip()).isEqualTo(s.gzip() && !s.parquet());
            assertThat(k.key()).startsWith(names.tablePrefix(schema, table));
        }
        assertThat(plain.segmentFolder()).isEmpty();
        assertThat(inFolder.segmentFolder()).contains(segment);
        assertThat(numbered.segmentNumber()).hasValue(segmentNumber);
    }

    @Property(tries = 1000)
    @Label("a CDC key gives back schema, table, date partition and the file time in DatePartitionTimezone")
    void cdcKeys(@ForAll("settings") S3OutputSettings s, @ForAll("names") String schema,
                 @ForAll("names") String table, @ForAll("instants") Instant time) {
        S3ObjectNames names = s.objectNames();
        String key = names.cdcKey(schema, table, time);

        S3ObjectKey k = names.parse(key);

        assertThat(k.kind()).as(key).isEqualTo(S3ObjectKind.CDC);
        assertThat(S3ObjectNames.kindOf(key)).isEqualTo(S3ObjectKind.CDC);
        assertThat(k.schema()).contains(schema);
        assertThat(k.table()).contains(table);
        var local = time.atZone(s.datePartitionTimezone());
        assertThat(k.fileTime()).contains(local.toLocalDateTime().truncatedTo(ChronoUnit.MILLIS));
        if (s.datePartitionEnabled()) {
            assertThat(k.datePartition()).contains(names.datePartition(local));
        } else {
            assertThat(k.datePartition()).isEmpty();
        }
    }

    @Property(tries = 500)
    @Label("a transaction file key is found under CdcPath with its time")
    void transactionKeys(@ForAll("settings") S3OutputSettings base, @ForAll("instants") Instant time,
                         @ForAll("names") String cdcPath) {
        S3OutputSettings s = base.toBuilder().datePartitionEnabled(false).preserveTransactions(true)
                .cdcPath(cdcPath + "/txn").build();
        S3ObjectNames names = s.objectNames();
        String key = names.cdcTxnKey(time);

        S3ObjectKey k = names.parse(key);

        assertThat(k.kind()).as(key).isEqualTo(S3ObjectKind.CDC_TXN);
        assertThat(S3ObjectNames.kindOf(key)).isEqualTo(S3ObjectKind.CDC_TXN);
        assertThat(key).startsWith(names.cdcPathPrefix().orElseThrow()).doesNotContain(".parquet");
        assertThat(k.fileTime()).contains(time.atZone(s.datePartitionTimezone()).toLocalDateTime()
                .truncatedTo(ChronoUnit.MILLIS));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', '0', '9', 'Q').ofMinLength(1)
                .ofMaxLength(12);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli)
                .map(i -> i.plusNanos(123_456));
    }

    @Provide
    Arbitrary<S3OutputSettings> settings() {
        return Combinators.combine(Arbitraries.of("", "hub", "/a/b/", "raw-zone/2024"), Arbitraries.of(true, false),
                Arbitraries.of(S3DataFormat.class), Arbitraries.of(true, false),
                Arbitraries.of(DatePartitionSequence.class), Arbitraries.of(DatePartitionDelimiter.class),
                Arbitraries.of(ZONES)).as((folder, gzip, format, partitioned, seq, delim, zone) ->
                        S3OutputSettings.builder().bucketName("bucket").bucketFolder(folder).gzip(gzip)
                                .dataFormat(format).datePartitionEnabled(partitioned).datePartitionSequence(seq)
                                .datePartitionDelimiter(delim).datePartitionTimezone(ZoneId.of(zone)).build());
    }
}
