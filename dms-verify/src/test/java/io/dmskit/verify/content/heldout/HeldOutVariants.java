package io.dmskit.verify.content.heldout;

import io.dmskit.verify.content.heldout.HeldOutMatrix.Variant;
import io.dmskit.verify.content.heldout.HeldOutWriter.ParquetKnobs;

import java.util.ArrayList;
import java.util.List;

import static io.dmskit.verify.content.heldout.HeldOutMatrix.csv;
import static io.dmskit.verify.content.heldout.HeldOutMatrix.parquet;
import static io.dmskit.verify.content.heldout.HeldOutWorkload.FULL;
import static io.dmskit.verify.content.heldout.HeldOutWorkload.INSERTS;
import static io.dmskit.verify.content.heldout.HeldOutWorkload.INSERTS_UPDATES;

/** The S3 endpoint setting variants users set, as DescribeEndpoints echoes them (delimiters escaped). */
final class HeldOutVariants {

    private HeldOutVariants() {
    }

    static List<Variant> csvVariants() {
        List<Variant> v = new ArrayList<>();
        v.add(csv("CSV defaults", FULL, b -> { }));
        v.add(csv("AddColumnName header row", FULL, b -> b.addColumnName(true)));
        v.add(csv("IncludeOpForFullLoad, header, TimestampColumnName", FULL, b -> b.includeOpForFullLoad(true)
                .addColumnName(true).timestampColumnName("dms_ts")));
        v.add(csv("TimestampColumnName, UseTaskStartTimeForFullLoadTimestamp", FULL,
                b -> b.timestampColumnName("TIMESTAMP").useTaskStartTimeForFullLoadTimestamp(true)));
        v.add(csv("CdcInsertsOnly", INSERTS, b -> b.cdcInsertsOnly(true)));
        v.add(csv("CdcInsertsOnly, IncludeOpForFullLoad", INSERTS, b -> b.cdcInsertsOnly(true)
                .includeOpForFullLoad(true)));
        v.add(csv("CdcInsertsAndUpdates", INSERTS_UPDATES, b -> b.cdcInsertsAndUpdates(true)));
        Variant prose = csv("CdcInsertsAndUpdates, no Op field in CDC files (the option's prose)", INSERTS_UPDATES,
                b -> b.cdcInsertsAndUpdates(true));
        v.add(new Variant(prose.name(), prose.workload(), prose.settings(), ParquetKnobs.PROSE, false));
        v.add(csv("CdcInsertsAndUpdates, IncludeOpForFullLoad, header", INSERTS_UPDATES,
                b -> b.cdcInsertsAndUpdates(true).includeOpForFullLoad(true).addColumnName(true)));
        v.add(csv("CsvDelimiter | and CsvRowDelimiter \\r\\n (escaped)", FULL,
                b -> b.csvDelimiter("|").csvRowDelimiter("\\r\\n")));
        v.add(csv("CsvDelimiter ;; (two characters)", FULL, b -> b.csvDelimiter(";;")));
        v.add(csv("CsvNullValue NULL", FULL, b -> b.csvNullValue("NULL")));
        v.add(csv("CsvNullValue a space, header", FULL, b -> b.csvNullValue(" ").addColumnName(true)));
        v.add(csv("CompressionType GZIP", FULL, b -> b.compressionType("GZIP")));
        v.add(csv("date partitions YYYYMMDD SLASH", FULL, b -> b.datePartitionEnabled(true)));
        v.add(csv("date partitions YYYYMMDDHH UNDERSCORE", FULL, b -> b.datePartitionEnabled(true)
                .datePartitionSequence("YYYYMMDDHH").datePartitionDelimiter("UNDERSCORE")));
        v.add(csv("date partitions YYYYMM DASH", FULL, b -> b.datePartitionEnabled(true)
                .datePartitionSequence("YYYYMM").datePartitionDelimiter("DASH")));
        v.add(csv("date partitions MMYYYYDD NONE, Asia/Tokyo", FULL, b -> b.datePartitionEnabled(true)
                .datePartitionSequence("MMYYYYDD").datePartitionDelimiter("NONE")
                .datePartitionTimezone("Asia/Tokyo")));
        v.add(csv("date partitions DDMMYYYY SLASH, America/New_York, gzip", FULL, b -> b.datePartitionEnabled(true)
                .datePartitionSequence("DDMMYYYY").datePartitionTimezone("America/New_York").compressionType("gzip")));
        v.add(csv("BucketFolder a/b", FULL, b -> b.bucketFolder("lake/raw")));
        v.add(csv("PreserveTransactions + CdcPath (CDC_TXN files)", FULL, b -> b.preserveTransactions(true)
                .cdcPath("txn").bucketFolder("hub")));
        v.add(csv("Rfc4180 false, tab delimiter", FULL, b -> b.rfc4180(false).csvDelimiter("\\t")));
        v.add(csv("AddTrailingPaddingCharacter", FULL, b -> b.addTrailingPaddingCharacter(true)));
        v.add(csv("UseCsvNoSupValue + CsvNoSupValue", FULL, b -> b.useCsvNoSupValue(true).csvNoSupValue("#NOSUP#")));
        v.add(HeldOutMatrix.viaEndpoint(csv("header, | delimiter, CsvNullValue", FULL, b -> b.addColumnName(true)
                .csvDelimiter("|").csvNullValue("\\N"))));
        return v;
    }

    static List<Variant> parquetVariants() {
        List<Variant> v = new ArrayList<>();
        v.add(parquet("Parquet DMS defaults (dictionary, v1 pages, uncompressed, decimals fixed)", FULL,
                ParquetKnobs.DMS, b -> { }));
        v.add(parquet("Parquet GZIP, data page v2, decimals INT32/INT64", FULL,
                new ParquetKnobs(true, true, false, false, false), b -> b.compressionType("gzip")));
        v.add(parquet("Parquet SNAPPY, plain encoding, ParquetTimestampInMillisecond", FULL,
                new ParquetKnobs(false, false, false, false, true), b -> b.parquetTimestampInMillisecond(true)));
        v.add(parquet("Parquet UTC-adjusted timestamps, IncludeOpForFullLoad, TimestampColumnName", FULL,
                new ParquetKnobs(true, true, true, true, true), b -> b.includeOpForFullLoad(true)
                        .timestampColumnName("dms_ts")));
        v.add(parquet("Parquet CdcInsertsOnly", INSERTS, ParquetKnobs.DMS, b -> b.cdcInsertsOnly(true)));
        v.add(parquet("Parquet CdcInsertsAndUpdates", INSERTS_UPDATES, ParquetKnobs.DMS,
                b -> b.cdcInsertsAndUpdates(true)));
        v.add(parquet("Parquet CdcInsertsAndUpdates, no Op column in CDC files", INSERTS_UPDATES,
                ParquetKnobs.PROSE, b -> b.cdcInsertsAndUpdates(true)));
        v.add(parquet("Parquet date partitions YYYYMMDDHH SLASH, BucketFolder", FULL, ParquetKnobs.DMS,
                b -> b.datePartitionEnabled(true).datePartitionSequence("YYYYMMDDHH").bucketFolder("lake")));
        v.add(parquet("Parquet full load + CDC_TXN (always CSV)", FULL, ParquetKnobs.DMS,
                b -> b.preserveTransactions(true).cdcPath("changes/txn")));
        return v;
    }
}
