package io.dmskit.model.s3;

import io.dmskit.model.DmsModelException;
import java.util.List;

/**
 * S3 target settings that DMS (or dmskit) cannot work with. The message lists every problem at once, each naming the
 * DMS setting, e.g. {@code "S3 target settings not supported: DataFormat 'orc' (csv or parquet); CdcInsertsOnly and
 * CdcInsertsAndUpdates are mutually exclusive"}.
 */
public final class S3FormatException extends DmsModelException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates a {@code S3FormatException}.
     *
     * @param problems every problem found, each naming the setting
     */
    public S3FormatException(List<String> problems) {
        this(problems == null ? List.of() : problems.stream().map(String::valueOf).toList(), true);
    }

    private S3FormatException(List<String> problems, boolean copied) {
        super("S3 target settings not supported: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in the order the settings were checked} */
    public List<String> problems() {
        return problems;
    }
}
