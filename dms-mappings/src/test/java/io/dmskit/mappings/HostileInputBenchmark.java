package io.dmskit.mappings;

import io.dmskit.testsupport.MemoryProbe;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Linearity benchmark for hostile documents, a benchmark-style command rather than a unit test (skipped unless
 * {@code dmskit.bench.hostile} is set):
 *
 * <pre>
 * ./mvnw -B -o -q -pl dms-mappings -am test -Dtest=HostileInputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddmskit.bench.hostile=0.1,1,4,16 -DargLine=-Xmx1g [-Ddmskit.bench.hostile.only=deep]
 * </pre>
 *
 * <p>For each class of hostile document (huge exponents, long numbers, long strings, deep nesting, many rules, many
 * keys, long wildcard patterns, long plain and wildcard names in object-locators, long values in the other string
 * fields) and each size in MB, times parse ({@code fromJsonLenient}), serialize ({@code toJson}), validate, compare
 * ({@code sameMeaningAs} with a second copy) and resolve (each rule's own locator names resolved, with a column
 * lookup, its transformations, SQL predicate and summary), best of a few runs, and prints
 * milliseconds per MB; linear means the ms/MB column stays flat as the size grows. Names the worst class (highest
 * ms/MB at the largest size). {@code -Ddmskit.bench.hostile.only=<text>,<text>} keeps the classes whose name contains
 * one of the texts. Next to the times it prints the bytes allocated per input byte (one whole pass: two parses,
 * toJson, validate, compare, resolve) and the peak heap retained during a pass (per input byte and in MB, sampled
 * by repeated full collections in a separate, untimed pass); run it with a modest heap
 * ({@code -DargLine=-Xmx1g}). The report is also written to {@code dms-mappings/target/hostile-benchmark.txt}.
 */
class HostileInputBenchmark {
    private static final String SELECT = "{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
            + "\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},\"rule-action\":\"include\"}";

    private static Map<String, IntFunction<String>> classes() {
        Map<String, IntFunction<String>> c = new LinkedHashMap<>();
        c.put("huge exponents", b -> extra(repeat("1e999999999,1E2147483648,-1e-2147483649,1E+2147483647,", b, "[",
                "0]")));
        c.put("long numbers", b -> extra("1" + "234567890".repeat(b / 9) + ".5e-7"));
        c.put("long strings", b -> "{\"rules\":[" + SELECT.replace("\"all\"", "\"" + "n\\u00e9\\\"\\n\u4e2d-".repeat(
                b / 28) + "\"") + "],\"x\":\"" + "x\\\\y\u00e9 ".repeat(b / 14) + "\"}");
        c.put("deep nesting", b -> extra(repeat("[".repeat(900) + "1" + "]".repeat(900) + ",", b, "[", "0]")));
        c.put("many rules", b -> {
            StringBuilder sb = new StringBuilder("{\"rules\":[");
            for (int i = 1; sb.length() < b; i++) {
                sb.append(i == 1 ? "" : ",").append("{\"rule-type\":\"selection\",\"rule-id\":\"").append(i)
                        .append("\",\"rule-name\":\"r").append(i).append("\",\"object-locator\":{\"schema-name\":\"s")
                        .append(i % 97).append("\",\"table-name\":\"t").append(i).append("\"},\"rule-action\":\"include\","
                        + "\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"c\",\"filter-conditions\":"
                        + "[{\"filter-operator\":\"eq\",\"value\":\"").append(i).append("\"}]}]}");
            }
            return sb.append("]}").toString();
        });
        c.put("many keys", b -> {
            StringBuilder sb = new StringBuilder("{\"rules\":[" + SELECT + "]");
            for (int i = 0; sb.length() < b; i++) {
                sb.append(",\"k").append(i).append("\":").append(i % 3 == 0 ? "1e" + i : "\"v\"");
            }
            return sb.append('}').toString();
        });
        c.put("long wildcard patterns", b -> "{\"rules\":[" + SELECT.replace("\"t\"", "\"" + "_%[a-z][^".repeat(
                b / 10) + "t\"") + "]}");
        // issue 15 (fuzz seed 777, input 777197657): a megabyte schema-name took seconds to resolve
        c.put("long locator names", b -> locators(b, n -> n, n -> n, n -> n));
        c.put("long locator wildcards", b -> locators(b, n -> "%" + n + "%", n -> n + "_%", n -> "%" + n + "[_]" + n));
        c.put("long values", b -> {
            String v = "value".repeat(Math.max(1, b / 30));
            return "{\"rules\":[" + SELECT.replace("\"all\"", "\"" + v + "\"").replace("\"include\"}",
                    "\"include\",\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"c\","
                    + "\"filter-conditions\":[{\"filter-operator\":\"between\",\"start-value\":\"" + v
                    + "\",\"end-value\":\"" + v + "\"}]}]}") + ",{\"rule-type\":\"transformation\",\"rule-id\":\"2\","
                    + "\"rule-name\":\"2\",\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"s\","
                    + "\"table-name\":\"t\",\"column-name\":\"c\",\"data-type\":\"" + v + "\"},\"rule-action\":"
                    + "\"rename\",\"value\":\"" + v + "\"},{\"rule-type\":\"transformation\",\"rule-id\":\"3\","
                    + "\"rule-name\":\"3\",\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"s\","
                    + "\"table-name\":\"t\"},\"rule-action\":\"add-column\",\"value\":\"x\",\"expression\":\""
                    + v + "\",\"data-type\":{\"type\":\"" + v + "\",\"length\":5}}]}";
        });
        return c;
    }

    /**
     * A selection, a column rename and a table rename whose locators carry names of about {@code bytes / 7}
     * characters each, written through {@code schema}, {@code table} and {@code column} (plain or with wildcards).
     */
    private static String locators(int bytes, UnaryOperator<String> schema, UnaryOperator<String> table,
                                   UnaryOperator<String> column) {
        String n = "string".repeat(Math.max(1, bytes / 42));
        String s = schema.apply(n);
        String t = table.apply(n);
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + s + "\",\"table-name\":\"" + t + "\"},\"rule-action\":\"include\"},"
                + "{\"rule-type\":\"transformation\",\"rule-id\":\"2\",\"rule-name\":\"2\",\"rule-target\":\"column\","
                + "\"object-locator\":{\"schema-name\":\"" + s + "\",\"table-name\":\"" + t + "\",\"column-name\":\""
                + column.apply(n) + "\"},\"rule-action\":\"rename\",\"value\":\"c\"},"
                + "{\"rule-type\":\"transformation\",\"rule-id\":\"3\",\"rule-name\":\"3\",\"rule-target\":\"table\","
                + "\"object-locator\":{\"schema-name\":\"" + s + "\",\"table-name\":\"" + t + "\"},"
                + "\"rule-action\":\"add-prefix\",\"value\":\"p_\"}]}";
    }

    /**
     * Resolves the tables the first rules' own locators name (the names themselves as source names, as the fuzz run
     * does; the first 8 only, as a resolution is linear in the rules) and asks each resolution for a column, its
     * transformations, its SQL predicate and its summary.
     */
    private static void resolveOwnNames(TableMappings m) {
        for (Rule r : m.rules().subList(0, Math.min(8, m.rules().size()))) {
            ObjectLocator l = r.objectLocator();
            String schema = l == null || l.schemaName() == null ? "s" : l.schemaName();
            String table = l == null || l.tableName() == null ? "t" : l.tableName();
            String column = l == null || l.columnName() == null ? "c" : l.columnName();
            TableResolution res = m.resolve(schema, table);
            res.targetColumn(column);
            res.targetColumn(column, "int4");
            res.columnTransformations(column, null);
            for (SqlDialect d : SqlDialect.values()) {
                try {
                    res.sqlPredicate(d);
                } catch (InvalidTableMappingsException e) {
                    // a filter the document cannot render: rejected in linear time is all that is measured
                }
            }
            res.toString();
        }
    }

    private static String extra(String json) {
        return "{\"rules\":[" + SELECT + "],\"x\":" + json + "}";
    }

    private static String repeat(String unit, int bytes, String open, String close) {
        return open + unit.repeat(Math.max(1, bytes / unit.length())) + close;
    }

    /** One parse + toJson + validate + second parse + sameMeaningAs + resolve, keeping the best time of each step. */
    private static void timeOnce(String name, String doc, double[] best) {
        long t0 = System.nanoTime();
        TableMappings m = TableMappings.fromJsonLenient(doc);
        long t1 = System.nanoTime();
        m.toJson();
        long t2 = System.nanoTime();
        m.validate();
        long t3 = System.nanoTime();
        TableMappings other = TableMappings.fromJsonLenient(doc);
        long t4 = System.nanoTime();
        if (!m.sameMeaningAs(other)) {
            throw new AssertionError(name + ": not the same meaning as itself");
        }
        long t5 = System.nanoTime();
        resolveOwnNames(m);
        long t6 = System.nanoTime();
        best[4] = Math.min(best[4], (t6 - t5) / 1e6);
        best[0] = Math.min(best[0], (t1 - t0) / 1e6);
        best[1] = Math.min(best[1], (t2 - t1) / 1e6);
        best[2] = Math.min(best[2], (t3 - t2) / 1e6);
        best[3] = Math.min(best[3], (t5 - t4) / 1e6);
    }

    @Test
    @DisplayName("hostile-document linearity benchmark (set -Ddmskit.bench.hostile=0.1,1,4,16)")
    void run() throws IOException {
        String sizesProperty = System.getProperty("dmskit.bench.hostile");
        assumeTrue(sizesProperty != null, "set -Ddmskit.bench.hostile=0.1,1,4,16 to run the benchmark");
        String[] sizes = sizesProperty.split(",");
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT,
                "max heap %d MB%n%-23s %7s %9s %9s %9s %9s %9s %9s %9s %9s %8s %8s%n",
                Runtime.getRuntime().maxMemory() >> 20,
                "class", "MB", "parse", "toJson", "validate", "sameMean", "resolve", "total_ms", "ms_per_MB",
                "alloc_B/B", "peak_B/B", "peak_MB"));
        String worst = null;
        double worstPerMb = -1;
        String[] only = System.getProperty("dmskit.bench.hostile.only", "").split(",");
        System.out.print(r);
        for (Map.Entry<String, IntFunction<String>> e : classes().entrySet()) {
            if (java.util.Arrays.stream(only).noneMatch(e.getKey()::contains)) {
                continue;
            }
            double lastPerMb = 0;
            for (String size : sizes) {
                int bytes = (int) (Double.parseDouble(size) * 1_000_000);
                String doc = e.getValue().apply(bytes);
                double mb = doc.getBytes(StandardCharsets.UTF_8).length / 1e6;
                int runs = mb > 5 ? 2 : mb > 0.5 ? 3 : 10;
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
                    Double.MAX_VALUE};
                long allocated = 0;
                long peak;
                try {
                    for (int k = 0; k < runs; k++) {
                        allocated = MemoryProbe.allocated(() -> timeOnce(e.getKey(), doc, best));
                    }
                    peak = MemoryProbe.peakRetained(() -> timeOnce(e.getKey(), doc, new double[5]));
                } catch (OutOfMemoryError oom) {
                    String row = String.format(Locale.ROOT, "%-23s %7.2f OutOfMemoryError%n", e.getKey(), mb);
                    r.append(row);
                    System.out.print(row);
                    lastPerMb = Double.POSITIVE_INFINITY;
                    continue;
                }
                double total = best[0] + best[1] + best[2] + best[3] + best[4];
                lastPerMb = total / mb;
                String row = String.format(Locale.ROOT,
                        "%-23s %7.2f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8.1f %8.1f%n", e.getKey(), mb,
                        best[0], best[1], best[2], best[3], best[4], total, lastPerMb, allocated / (mb * 1e6),
                        peak / (mb * 1e6), peak / 1e6);
                r.append(row);
                System.out.print(row); // as it goes: a large size takes minutes
            }
            if (lastPerMb > worstPerMb) {
                worstPerMb = lastPerMb;
                worst = e.getKey();
            }
        }
        r.append(String.format(Locale.ROOT, "worst class at %s MB: %s (%.1f ms/MB)%n", sizes[sizes.length - 1], worst,
                worstPerMb));
        System.out.printf(Locale.ROOT, "worst class at %s MB: %s (%.1f ms/MB)%n", sizes[sizes.length - 1], worst,
                worstPerMb);
        Path out = Path.of("target", "hostile-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, r, StandardCharsets.UTF_8);
    }
}
