package io.dmskit.verify.internal.content;

import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.ContentDifference.ColumnDifference;
import io.dmskit.verify.report.ContentDifference.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares key-ordered canonical rows of one key range from both sides and keeps the totals and the first samples.
 * Equal keys pair off one by one, so a table without a primary key (every column a key column) is compared as a
 * multiset. Thread-safe: ranges of one table may be compared concurrently.
 */
public final class RowDiffer {

    private final ContentShape shape;
    private final Comparator<List<String>> order;
    private final int sampleLimit;
    private final List<ContentDifference> samples = new ArrayList<>();
    private long missing;
    private long extra;
    private long differing;
    private long truncated;
    private long fetched;

    /**
     * @param shape the table
     * @param sampleLimit most samples kept
     */
    public RowDiffer(ContentShape shape, int sampleLimit) {
        this.shape = shape;
        this.order = shape.keyOrder();
        this.sampleLimit = sampleLimit;
    }

    /** Compares the rows of one range, each list in key order. */
    public synchronized void compare(List<CanonicalRow> source, List<CanonicalRow> target) {
        fetched += source.size() + target.size();
        int i = 0;
        int j = 0;
        while (i < source.size() || j < target.size()) {
            int c = i == source.size() ? 1 : j == target.size() ? -1
                    : order.compare(source.get(i).key(), target.get(j).key());
            if (c < 0) {
                missing++;
                sample(Kind.MISSING_ON_TARGET, source.get(i++), List.of());
            } else if (c > 0) {
                extra++;
                sample(Kind.EXTRA_ON_TARGET, target.get(j++), List.of());
            } else {
                compareValues(source.get(i++), target.get(j++));
            }
        }
    }

    private void compareValues(CanonicalRow s, CanonicalRow t) {
        List<ColumnDifference> diffs = new ArrayList<>();
        boolean allTruncation = true;
        List<ContentShape.Column> cols = shape.valueColumns();
        for (int k = 0; k < s.values().size(); k++) {
            String sv = s.values().get(k);
            String tv = t.values().get(k);
            if (!Objects.equals(sv, tv)) {
                diffs.add(new ColumnDifference(cols.get(k).name(), sv, tv));
                allTruncation &= cols.get(k).lob() && sv != null && tv != null && tv.length() < sv.length()
                        && sv.startsWith(tv);
            }
        }
        if (diffs.isEmpty()) {
            return;
        }
        if (allTruncation) {
            truncated++;
            sample(Kind.LOB_TRUNCATED, s, diffs);
        } else {
            differing++;
            sample(Kind.DIFFERENT, s, diffs);
        }
    }

    private void sample(Kind kind, CanonicalRow row, List<ColumnDifference> diffs) {
        if (samples.size() >= sampleLimit) {
            return;
        }
        Map<String, String> key = new LinkedHashMap<>();
        List<ContentShape.Column> keys = shape.keyColumns();
        for (int k = 0; k < keys.size(); k++) {
            key.put(keys.get(k).name(), row.key().get(k));
        }
        samples.add(new ContentDifference(kind, key, diffs));
    }

    /** @return the samples in key order */
    public synchronized List<ContentDifference> samples() {
        List<ContentDifference> out = new ArrayList<>(samples);
        Comparator<List<String>> o = order;
        out.sort((a, b) -> o.compare(new ArrayList<>(a.key().values()), new ArrayList<>(b.key().values())));
        return out;
    }

    /** @return keys missing on the target */
    public synchronized long missing() {
        return missing;
    }

    /** @return keys extra on the target */
    public synchronized long extra() {
        return extra;
    }

    /** @return keys whose values differ */
    public synchronized long differing() {
        return differing;
    }

    /** @return keys whose only differences are truncated LOBs */
    public synchronized long truncated() {
        return truncated;
    }

    /** @return rows fetched from both sides */
    public synchronized long fetched() {
        return fetched;
    }
}
