package io.dmskit.verify.internal.content;

import io.dmskit.verify.internal.content.ContentShape.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Key-range checksums and bisection for one table between two databases, as data-diff does it: both sides summarise
 * the same key ranges into {@link RangeDigest}s inside the database (source and target queries run concurrently);
 * a range whose digests differ is cut into {@code factor} sub-ranges and summarised again, until it holds at most
 * {@code threshold} rows, whose canonical rows are then fetched from both sides and compared by {@link RowDiffer}.
 * Checksum queries grow about as k·log(n) for k differing rows in n. Memory holds at most two fetched ranges.
 */
public final class JdbcContentCheck {

    /** A dense differing range is fetched directly up to this many times the row threshold. */
    static final int DENSE_FETCH = 4;

    private final TableSide source;
    private final TableSide target;
    private final RowDiffer differ;
    private final int segments;
    private final int factor;
    private final long threshold;
    private final ExecutorService pool;
    private final Runnable cancel;
    private BigDecimal arithmeticLo;
    private BigDecimal arithmeticWidth;
    private long sourceRows;
    private long targetRows;

    /**
     * @param segments ranges of the first level
     * @param factor sub-ranges a differing range is cut into
     * @param threshold rows at most in a range that is fetched and compared row by row
     * @param pool runs the target side's queries concurrently with the source's
     */
    public JdbcContentCheck(TableSide source, TableSide target, RowDiffer differ, int segments, int factor,
                            long threshold, ExecutorService pool, Runnable cancel) {
        this.source = source;
        this.target = target;
        this.differ = differ;
        this.segments = segments;
        this.factor = factor;
        this.threshold = threshold;
        this.pool = pool;
        this.cancel = cancel;
    }

    /** Runs the comparison; totals and samples end up in the differ. */
    public void run() throws SQLException {
        List<List<String>> cuts = integerKey() ? arithmeticCuts(KeyRange.ALL, segments, true) : List.of();
        List<RangeDigest[]> top = compare(KeyRange.ALL, cuts);
        for (RangeDigest[] pair : top) {
            sourceRows += pair[0].rows();
            targetRows += pair[1].rows();
        }
    }

    /** @return source rows (after the filter) */
    public long sourceRows() {
        return sourceRows;
    }

    /** @return target rows */
    public long targetRows() {
        return targetRows;
    }

    /** Compares the sub-ranges of range cut at cuts; descends into those that differ. Returns their digests. */
    private List<RangeDigest[]> compare(KeyRange range, List<List<String>> cuts) throws SQLException {
        cancel.run();
        BigDecimal lo = arithmeticLo;
        BigDecimal width = arithmeticWidth;
        arithmeticLo = null;
        arithmeticWidth = null;
        CompletableFuture<List<RangeDigest>> t = CompletableFuture.supplyAsync(() -> digests(target, range, cuts,
                lo, width), pool);
        List<RangeDigest> s = digests(source, range, cuts, lo, width);
        List<RangeDigest> tt = join(t);
        List<KeyRange> subs = sub(range, cuts);
        List<RangeDigest[]> out = new ArrayList<>();
        int differ = 0;
        for (int i = 0; i < subs.size(); i++) {
            out.add(new RangeDigest[] {s.get(i), tt.get(i)});
            differ += s.get(i).equals(tt.get(i)) ? 0 : 1;
        }
        // most sub-ranges differ: splitting further would cost queries without narrowing anything down
        boolean dense = subs.size() > 2 && differ * 2 > subs.size();
        for (int i = 0; i < subs.size(); i++) {
            if (!s.get(i).equals(tt.get(i))) {
                descend(subs.get(i), Math.max(s.get(i).rows(), tt.get(i).rows()), dense);
            }
        }
        return out;
    }

    /**
     * Descends into a differing range: fetched when it holds at most threshold rows, or at most
     * {@value #DENSE_FETCH} × threshold when most of its siblings differ too; split otherwise. (Fetching a dense range
     * of up to factor × threshold rows fetched whole tables for isolated differences: 1,000 differing rows in 10M
     * fetched 19.5M rows; one more split hashes those rows in the databases instead and fetches 1/16 of them.)
     */
    private void descend(KeyRange range, long rows, boolean dense) throws SQLException {
        if (rows > threshold && !(dense && rows <= threshold * Math.min(factor, DENSE_FETCH))) {
            List<List<String>> cuts = integerKey() ? arithmeticCuts(range, factor, false)
                    : (rows >= 2 ? quantileCuts(range, rows) : List.of());
            if (!cuts.isEmpty()) {
                compare(range, cuts);
                return;
            }
        }
        fetchAndCompare(range);
    }

    private void fetchAndCompare(KeyRange range) throws SQLException {
        List<CanonicalRow> t = new ArrayList<>();
        CompletableFuture<Void> tf = CompletableFuture.runAsync(() -> {
            try {
                target.rows(range, cancel, t::add);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, pool);
        List<CanonicalRow> s = new ArrayList<>();
        source.rows(range, cancel, s::add);
        join(tf);
        differ.compare(s, t);
    }

    private boolean integerKey() {
        return source.keyCount() == 1 && source.kinds().get(0) == Kind.INTEGER
                && target.kinds().get(0) == Kind.INTEGER;
    }

    /** Cuts an integer-key range into n equal-width parts, bounded by both sides' MIN/MAX where it is open. */
    private List<List<String>> arithmeticCuts(KeyRange range, int n, boolean top) throws SQLException {
        BigDecimal lo = range.lower() == null ? null : new BigDecimal(range.lower().get(0));
        BigDecimal hi = range.upper() == null ? null : new BigDecimal(range.upper().get(0));
        if (lo == null || hi == null || top) {
            BigDecimal[] a = source.minMax(range);
            BigDecimal[] b = target.minMax(range);
            if (a == null && b == null) {
                return List.of();
            }
            BigDecimal min = a == null ? b[0] : b == null ? a[0] : a[0].min(b[0]);
            BigDecimal max = a == null ? b[1] : b == null ? a[1] : a[1].max(b[1]);
            lo = lo == null ? min : lo.max(min);
            hi = hi == null ? max.add(BigDecimal.ONE) : hi.min(max.add(BigDecimal.ONE));
        }
        BigDecimal width = hi.subtract(lo).divide(BigDecimal.valueOf(n), 0, RoundingMode.CEILING);
        if (width.signum() <= 0) {
            return List.of();
        }
        List<List<String>> cuts = new ArrayList<>();
        arithmeticLo = lo;
        arithmeticWidth = width;
        for (int i = 1; i < n; i++) {
            BigDecimal c = lo.add(width.multiply(BigDecimal.valueOf(i)));
            if (c.compareTo(hi) >= 0) {
                break;
            }
            cuts.add(List.of(c.toPlainString()));
        }
        if (cuts.isEmpty() && hi.subtract(lo).compareTo(BigDecimal.ONE) > 0) {
            cuts.add(List.of(lo.add(BigDecimal.ONE).toPlainString()));
            arithmeticLo = null;
        }
        return cuts;
    }

    /** Cuts a range at every rows/factor-th key of the larger side. */
    private List<List<String>> quantileCuts(KeyRange range, long rows) throws SQLException {
        long every = Math.max(1, (rows + factor - 1) / factor);
        List<List<String>> a = source.quantiles(range, every, factor - 1, cancel);
        return a.isEmpty() ? target.quantiles(range, every, factor - 1, cancel) : a;
    }

    private static List<KeyRange> sub(KeyRange range, List<List<String>> cuts) {
        List<KeyRange> out = new ArrayList<>();
        List<String> prev = range.lower();
        for (List<String> c : cuts) {
            out.add(new KeyRange(prev, c));
            prev = c;
        }
        out.add(new KeyRange(prev, range.upper()));
        return out;
    }

    private List<RangeDigest> digests(TableSide side, KeyRange range, List<List<String>> cuts, BigDecimal lo,
                                      BigDecimal width) {
        try {
            return side.digests(range, cuts, lo, width, cancel);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) throws SQLException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
