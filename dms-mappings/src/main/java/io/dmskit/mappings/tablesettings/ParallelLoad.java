package io.dmskit.mappings.tablesettings;

import io.dmskit.mappings.internal.Args;
import java.util.List;

/**
 * The {@code parallel-load} of a table-settings rule.
 *
 * <pre>{@code
 * ParallelLoad.ranges(List.of("SALES_NO", "REGION"), List.of(List.of("1000", "NORTH"), List.of("3000", "WEST")))
 * ParallelLoad.partitionsAuto()
 * }</pre>
 *
 * @param type {@code type}: partitions-auto, subpartitions-auto, partitions-list, ranges, none
 * @param partitions {@code partitions} (partitions-list)
 * @param subpartitions {@code subpartitions} (partitions-list, Oracle)
 * @param columns {@code columns} (ranges, at most 10)
 * @param boundaries {@code boundaries} (ranges): one value per column in each boundary
 * @param segmentNames {@code segment-names} (ranges, S3 target): boundaries + 1 names
 * @param numberOfPartitions {@code number-of-partitions} (MongoDB/DocumentDB partitions-auto), or null
 * @param collectionCountFromMetadata {@code collection-count-from-metadata} (MongoDB/DocumentDB), or null
 * @param maxRecordsSkipPerPage {@code max-records-skip-per-page} (MongoDB/DocumentDB), or null
 * @param batchSize {@code batch-size} (MongoDB/DocumentDB), or null
 */
public record ParallelLoad(String type, List<String> partitions, List<String> subpartitions, List<String> columns,
                           List<List<String>> boundaries, List<String> segmentNames, Integer numberOfPartitions,
                           Boolean collectionCountFromMetadata, Long maxRecordsSkipPerPage, Long batchSize) {

    /** Creates the settings, copying the lists. */
    public ParallelLoad {
        partitions = Args.list(partitions, "ParallelLoad: partitions");
        subpartitions = Args.list(subpartitions, "ParallelLoad: subpartitions");
        columns = Args.list(columns, "ParallelLoad: columns");
        boundaries = Args.list(boundaries, "ParallelLoad: boundaries").stream()
                .map(b -> Args.list(b, "ParallelLoad: boundaries[..]")).toList();
        segmentNames = Args.list(segmentNames, "ParallelLoad: segmentNames");
    }

    private static ParallelLoad ofType(String type) {
        return new ParallelLoad(type, null, null, null, null, null, null, null, null, null);
    }

    /** {@return {@code partitions-auto}: one segment per existing partition} */
    public static ParallelLoad partitionsAuto() {
        return ofType("partitions-auto");
    }

    /** {@return {@code subpartitions-auto} (Oracle sources only)} */
    public static ParallelLoad subpartitionsAuto() {
        return ofType("subpartitions-auto");
    }

    /** {@return {@code none}: load the table in one thread} */
    public static ParallelLoad none() {
        return ofType("none");
    }

    /**
     * {@return {@code partitions-list}}
     *
     * @param partitions partition names
     */
    public static ParallelLoad partitionsList(List<String> partitions) {
        return new ParallelLoad("partitions-list", partitions, null, null, null, null, null, null, null, null);
    }

    /**
     * {@return {@code partitions-list} with subpartitions}
     *
     * @param partitions partition names
     * @param subpartitions subpartition names (Oracle)
     */
    public static ParallelLoad partitionsList(List<String> partitions, List<String> subpartitions) {
        return new ParallelLoad("partitions-list", partitions, subpartitions, null, null, null, null, null, null,
                null);
    }

    /**
     * {@return {@code ranges}}
     *
     * @param columns range columns (1..10)
     * @param boundaries upper boundaries, one value per column
     */
    public static ParallelLoad ranges(List<String> columns, List<List<String>> boundaries) {
        return new ParallelLoad("ranges", null, null, columns, boundaries, null, null, null, null, null);
    }

    /**
     * {@return a copy with {@code segment-names}}
     *
     * @param names one name per segment (boundaries + 1)
     */
    public ParallelLoad withSegmentNames(List<String> names) {
        return new ParallelLoad(type, partitions, subpartitions, columns, boundaries, names, numberOfPartitions,
                collectionCountFromMetadata, maxRecordsSkipPerPage, batchSize);
    }

    /**
     * {@return a copy with {@code number-of-partitions}}
     *
     * @param n partitions (MongoDB/DocumentDB auto-segmentation, default 16)
     */
    public ParallelLoad withNumberOfPartitions(int n) {
        return new ParallelLoad(type, partitions, subpartitions, columns, boundaries, segmentNames, n,
                collectionCountFromMetadata, maxRecordsSkipPerPage, batchSize);
    }

    /**
     * {@return a copy with {@code collection-count-from-metadata}}
     *
     * @param value whether to count from collection metadata (MongoDB/DocumentDB)
     */
    public ParallelLoad withCollectionCountFromMetadata(boolean value) {
        return new ParallelLoad(type, partitions, subpartitions, columns, boundaries, segmentNames,
                numberOfPartitions, value, maxRecordsSkipPerPage, batchSize);
    }

    /**
     * {@return a copy}
     *
     * @param value records to skip per page (MongoDB/DocumentDB)
     */
    public ParallelLoad withMaxRecordsSkipPerPage(long value) {
        return new ParallelLoad(type, partitions, subpartitions, columns, boundaries, segmentNames,
                numberOfPartitions, collectionCountFromMetadata, value, batchSize);
    }

    /**
     * {@return a copy}
     *
     * @param value batch size (MongoDB/DocumentDB, 0 = server maximum)
     */
    public ParallelLoad withBatchSize(long value) {
        return new ParallelLoad(type, partitions, subpartitions, columns, boundaries, segmentNames,
                numberOfPartitions, collectionCountFromMetadata, maxRecordsSkipPerPage, value);
    }
}
