package io.dmskit.verify.content.heldout;

import io.dmskit.verify.report.ContentDifference.Kind;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened on the source (a full load of rows 1..20, then two CDC batches committed on both sides of a
 * midnight) and how a "bad" target went wrong: the ways DMS migrations lose or damage data. The source tables hold
 * the final state; a "good" target holds exactly what DMS writes for the changes, a "bad" one the corrupted version.
 */
enum HeldOutWorkload {
    /** Inserts, updates (one key updated twice across the two batches), deletes, a delete and re-insert. */
    FULL("fu"),
    /** Only inserts during CDC (for CdcInsertsOnly). */
    INSERTS("io"),
    /** Inserts and updates during CDC (for CdcInsertsAndUpdates). */
    INSERTS_UPDATES("iu");

    /** One change record. */
    record Change(char op, int id, int gen) {
    }

    /** One commit. */
    record Batch(Instant commit, List<Change> changes) {
    }

    /** A corruption's finding: kind and key. */
    record Finding(Kind kind, String id) {
    }

    static final Instant LOAD_TIME = Instant.parse("2024-12-31T23:50:00.123456Z");
    static final Instant FIRST = Instant.parse("2024-12-31T23:58:01.250Z");
    static final Instant SECOND = Instant.parse("2025-01-01T00:02:03.500Z");
    /** Rows whose full-load image a bad target damages. */
    static final int SHIFTED = 6;
    static final int ROUNDED = 7;
    static final int SWAPPED = 8;
    static final int CASED = 11;

    final String prefix;

    HeldOutWorkload(String prefix) {
        this.prefix = prefix;
    }

    String good() {
        return prefix + "good";
    }

    String bad() {
        return prefix + "bad";
    }

    /** @return the CDC batches of a good or bad target */
    List<Batch> batches(boolean bad) {
        List<Change> a = new ArrayList<>();
        List<Change> b = new ArrayList<>();
        switch (this) {
            case FULL -> {
                a.add(new Change('U', 5, 3));
                if (!bad) {
                    a.add(new Change('U', 3, 1)); // lost update
                    a.add(new Change('D', 4, 0)); // missing delete
                    a.add(new Change('I', 101, 0)); // insert that never arrived
                }
                b.add(new Change('U', 5, 1));
                b.add(new Change('D', 12, 0));
                if (!bad) {
                    b.add(new Change('U', 101, 1));
                }
                b.add(new Change('D', 13, 0));
                b.add(new Change('I', 13, 2));
            }
            case INSERTS -> {
                if (!bad) {
                    a.add(new Change('I', 101, 1));
                }
                b.add(new Change('I', 102, 0));
            }
            case INSERTS_UPDATES -> {
                a.add(new Change('U', 5, 3));
                if (!bad) {
                    a.add(new Change('I', 101, 1));
                }
                b.add(new Change('U', 5, 1));
                if (!bad) {
                    b.add(new Change('U', 3, 1));
                }
                b.add(new Change('I', 102, 0));
            }
        }
        if (bad) {
            b.add(new Change('I', 150, 0)); // a row the source never had
        }
        return List.of(new Batch(FIRST, a), new Batch(SECOND, b));
    }

    /** @return the source's final rows: id to generation, in id order */
    Map<Integer, Integer> sourceRows() {
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        for (int id = 1; id <= 20; id++) {
            rows.put(id, 0);
        }
        for (Batch batch : batches(false)) {
            for (Change c : batch.changes()) {
                if (c.op() == 'D') {
                    rows.remove(c.id());
                } else {
                    rows.put(c.id(), c.gen());
                }
            }
        }
        return rows;
    }

    /**
     * @param nullDistinct whether the target tells NULL from the empty string (CsvNullValue set, Parquet)
     * @return what a check of the bad target must find
     */
    Set<Finding> findings(boolean nullDistinct) {
        Set<Finding> out = new LinkedHashSet<>();
        if (this != INSERTS) {
            out.add(new Finding(Kind.DIFFERENT, "3"));
        }
        if (this == FULL) {
            out.add(new Finding(Kind.EXTRA_ON_TARGET, "4"));
        }
        out.add(new Finding(Kind.DIFFERENT, String.valueOf(SHIFTED)));
        out.add(new Finding(Kind.DIFFERENT, String.valueOf(ROUNDED)));
        out.add(new Finding(Kind.DIFFERENT, String.valueOf(SWAPPED)));
        out.add(new Finding(Kind.LOB_TRUNCATED, String.valueOf(HeldOutTable.LOB_ROW)));
        out.add(new Finding(Kind.DIFFERENT, String.valueOf(CASED)));
        if (nullDistinct) {
            out.add(new Finding(Kind.DIFFERENT, String.valueOf(HeldOutTable.EMPTY_ROW)));
        }
        out.add(new Finding(Kind.MISSING_ON_TARGET, "101"));
        out.add(new Finding(Kind.EXTRA_ON_TARGET, "150"));
        return out;
    }

    /**
     * The values of a row as the target holds them (before text rendering), damaged for a bad target's full load.
     *
     * @param corrupt whether to apply the full-load corruptions
     * @param nullDistinct whether the target tells NULL from the empty string
     */
    static Object[] row(HeldOutTable t, int id, int gen, boolean corrupt, boolean nullDistinct) {
        Object[] v = new Object[t.cols.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.cols.get(i).gen().apply(id, gen);
        }
        if (!corrupt) {
            return v;
        }
        int vc = t.index("vc");
        switch (id) {
            case SHIFTED -> {
                int ts = t.index(t.postgres ? "ts" : "dtm");
                v[ts] = ((LocalDateTime) v[ts]).plusHours(1);
            }
            case ROUNDED -> {
                int amt = t.index("amt");
                v[amt] = ((java.math.BigDecimal) v[amt]).setScale(2, java.math.RoundingMode.HALF_UP).setScale(3);
            }
            case SWAPPED -> {
                int vc2 = t.index("vc2");
                Object x = v[vc];
                v[vc] = v[vc2];
                v[vc2] = x;
            }
            case HeldOutTable.LOB_ROW -> {
                int lob = t.index(t.postgres ? "tx" : "lt");
                v[lob] = ((String) v[lob]).substring(0, 32 * 1024);
            }
            case CASED -> v[vc] = ((String) v[vc]).toLowerCase(java.util.Locale.ROOT);
            case HeldOutTable.EMPTY_ROW -> {
                if (nullDistinct) {
                    v[vc] = null;
                }
            }
            default -> {
            }
        }
        return v;
    }
}
