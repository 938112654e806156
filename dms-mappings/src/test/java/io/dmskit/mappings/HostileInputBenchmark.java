package io.dmskit.mappings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Linearity benchmark for hostile documents, a benchmark-style command rather than a unit test (skipped unless
 * {@code dmskit.bench.hostile} is set):
 *
 * <pre>
 * ./mvnw -B -o -q -pl dms-mappings -am test -Dtest=HostileInputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddmskit.bench.hostile=0.1,1,4,16 -DargLine=-Xmx1g [-Ddmskit.bench.classes=deep]
 * </pre>
 *
 * <p>For each class of hostile document (huge exponents, long numbers, long strings, deep nesting, many rules, many
 * keys, long wildcard patterns) and each size in MB, times parse ({@code fromJsonLenient}), serialize
 * ({@code toJson}), validate and compare ({@code sameMeaningAs} with a second copy), best of a few runs, and prints
 * milliseconds per MB; linear means the ms/MB column stays flat as the size grows. Names the worst class (highest
 * ms/MB at the largest size). Next to the times it prints the bytes allocated per input byte (one whole pass: two
 * parses, toJson, validate, compare) and the peak heap retained during a pass (per input byte and in MB, sampled
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
        return c;
    }

    private static String extra(String json) {
        return "{\"rules\":[" + SELECT + "],\"x\":" + json + "}";
    }

    private static String repeat(String unit, int bytes, String open, String close) {
        return open + unit.repeat(Math.max(1, bytes / unit.length())) + close;
    }

    /** One parse + toJson + validate + second parse + sameMeaningAs, keeping the best time of each step. */
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
                "max heap %d MB%n%-23s %7s %9s %9s %9s %9s %9s %9s %9s %8s %8s%n",
                Runtime.getRuntime().maxMemory() >> 20,
                "class", "MB", "parse", "toJson", "validate", "sameMean", "total_ms", "ms_per_MB", "alloc_B/B",
                "peak_B/B", "peak_MB"));
        String worst = null;
        double worstPerMb = -1;
        String only = System.getProperty("dmskit.bench.classes", "");
        System.out.print(r);
        for (Map.Entry<String, IntFunction<String>> e : classes().entrySet()) {
            if (!e.getKey().contains(only)) {
                continue;
            }
            double lastPerMb = 0;
            for (String size : sizes) {
                int bytes = (int) (Double.parseDouble(size) * 1_000_000);
                String doc = e.getValue().apply(bytes);
                double mb = doc.getBytes(StandardCharsets.UTF_8).length / 1e6;
                int runs = mb > 5 ? 2 : mb > 0.5 ? 3 : 10;
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
                long allocated = 0;
                long peak;
                try {
                    for (int k = 0; k < runs; k++) {
                        allocated = MemoryProbe.allocated(() -> timeOnce(e.getKey(), doc, best));
                    }
                    peak = MemoryProbe.peakRetained(() -> timeOnce(e.getKey(), doc, new double[4]));
                } catch (OutOfMemoryError oom) {
                    String row = String.format(Locale.ROOT, "%-23s %7.2f OutOfMemoryError%n", e.getKey(), mb);
                    r.append(row);
                    System.out.print(row);
                    lastPerMb = Double.POSITIVE_INFINITY;
                    continue;
                }
                double total = best[0] + best[1] + best[2] + best[3];
                lastPerMb = total / mb;
                String row = String.format(Locale.ROOT,
                        "%-23s %7.2f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8.1f %8.1f%n", e.getKey(), mb,
                        best[0], best[1], best[2], best[3], total, lastPerMb, allocated / (mb * 1e6),
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
