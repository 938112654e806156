package io.dmskit.mappings;

import static io.dmskit.mappings.Rules.addColumn;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;

import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Parse / validate / serialize timings for documents of 0.25, 0.5, 1 and 2 MB, to show linear scaling.
 *
 * <p>{@code toJson} is timed on a fresh instance before {@code validate} (which reuses the cached JSON for its
 * 2 MB check); {@code fromJson} is the full user path (parse, serialize for the size check, validate).
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl dms-mappings test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dmskit.mappings.MappingsBenchmark}
 */
public final class MappingsBenchmark {
    private MappingsBenchmark() {
    }

    /** Builds a realistic document of at least {@code bytes} compact bytes (all rule kinds, filters, console keys). */
    static String document(int bytes) {
        int perGroup = (documentOfGroups(101).length() - documentOfGroups(1).length()) / 100;
        int groups = Math.max(1, bytes / perGroup);
        String json = documentOfGroups(groups);
        while (json.length() > bytes) {
            groups = (int) (groups * (bytes / (double) json.length())) - 1;
            json = documentOfGroups(groups);
        }
        return json;
    }

    private static String documentOfGroups(int groups) {
        TableMappings.Builder b = TableMappings.builder().rule(include("%", "%")).rule(exclude("%", "DMS[_]%"));
        for (int i = 0; i < groups; i++) {
            String schema = "sales_" + (i % 17);
            String t = "orders_" + i;
            b.rule(include(schema, t).loadOrder(i % 5 + 1).where("region", FilterCondition.eq("EU"),
                    FilterCondition.eq("UK")).where("created", FilterCondition.gte("2024-01-01")));
            b.rule(table(schema, t).rename("ord_" + i));
            b.rule(column(schema, t, "SSN").dataMaskingHashMask());
            b.rule(addColumn(schema, t, "cdc_op", DataType.string(10)).expression("$AR_H_OPERATION"));
            b.rule(Rules.tableSettings(schema, t).parallelLoad(ParallelLoad.ranges(List.of("id"),
                    List.of(List.of("1000"), List.of("2000")))).lobSettings(LobSettings.limited(64)));
        }
        return b.buildUnvalidated().toJson();
    }

    public static void main(String[] args) {
        int[] sizes = {256 * 1024, 512 * 1024, 1024 * 1024, 2 * 1024 * 1024};
        String[] docs = new String[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            docs[i] = document(sizes[i]);
        }
        // warm-up: let the JIT compile the hot paths
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            for (String d : docs) {
                TableMappings m = TableMappings.fromJsonLenient(d);
                m.validate();
                m.toJson();
            }
        }
        int n = docs.length;
        double[] parse = new double[n];
        double[] validate = new double[n];
        double[] write = new double[n];
        double[] full = new double[n];
        int[] rules = new int[n];
        java.util.Arrays.fill(parse, Double.MAX_VALUE);
        java.util.Arrays.fill(validate, Double.MAX_VALUE);
        java.util.Arrays.fill(write, Double.MAX_VALUE);
        java.util.Arrays.fill(full, Double.MAX_VALUE);
        // interleave the sizes over many rounds and keep each size's best time: on a shared machine this filters
        // out pauses caused by other processes
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < n; i++) {
                String d = docs[i];
                long t0 = System.nanoTime();
                TableMappings m = TableMappings.fromJsonLenient(d);
                long t1 = System.nanoTime();
                String out = m.toJson();
                long t2 = System.nanoTime();
                List<MappingProblem> ps = m.validate();
                long t3 = System.nanoTime();
                TableMappings.fromJson(d);
                long t4 = System.nanoTime();
                if (ps.stream().anyMatch(MappingProblem::isError) || out.length() != d.length()) {
                    throw new IllegalStateException("benchmark document is not clean: " + ps);
                }
                rules[i] = m.rules().size();
                parse[i] = Math.min(parse[i], (t1 - t0) / 1e6);
                write[i] = Math.min(write[i], (t2 - t1) / 1e6);
                validate[i] = Math.min(validate[i], (t3 - t2) / 1e6);
                full[i] = Math.min(full[i], (t4 - t3) / 1e6);
            }
        }
        System.out.println("size_bytes  rules   parse_ms  toJson_ms  validate_ms  fromJson_ms  ns_per_byte(parse+toJson+validate)");
        for (int i = 0; i < n; i++) {
            int bytes = docs[i].getBytes(StandardCharsets.UTF_8).length;
            System.out.println(String.format(Locale.ROOT, "%10d  %5d  %9.2f  %9.2f  %11.2f  %11.2f  %10.1f", bytes,
                    rules[i], parse[i], write[i], validate[i], full[i],
                    (parse[i] + write[i] + validate[i]) * 1e6 / bytes));
        }
    }
}
