package io.dmskit.verify.internal.content;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RangeSpillTest {

    @ParameterizedTest(name = "budget {0} bytes")
    @ValueSource(longs = {0, 10_000, 300_000, 64L << 20})
    @DisplayName("Every range reads back its records in write order, with their row hashes, in memory or from disk")
    void roundTrip(long budget, @org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        int ranges = 7;
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            expected.add(new ArrayList<>());
        }
        Random random = new Random(42);
        RowHasher hasher = new RowHasher();
        try (RangeSpill spill = new RangeSpill(temp, ranges, 3, budget)) {
            for (int n = 0; n < 3000; n++) {
                int range = random.nextInt(ranges);
                String big = n % 997 == 0 ? "ü".repeat(50_000 + n) : null; // larger than a block and the read buffer
                String[] fields = {Integer.toString(n), n % 5 == 0 ? null : "v€" + random.nextInt(1000),
                        big != null ? big : "x".repeat(random.nextInt(200))};
                char op = "IUD".charAt(n % 3);
                spill.write(range, op, fields, hasher);
                expected.get(range).add(op + "|" + RangeDigest.rowHash(new CanonicalRow(List.of(fields[0]),
                        Arrays.asList(fields[1], fields[2]))) + "|" + Arrays.asList(fields));
            }
            assertThat(spill.spilledToDisk() > 0).isEqualTo(budget < 64L << 20);
            for (int r = 0; r < ranges; r++) {
                List<String> got = new ArrayList<>();
                List<String> firstFields = new ArrayList<>();
                spill.read(r, (op, hash, f) -> {
                    got.add(op + "|" + hash + "|" + Arrays.asList(f));
                    firstFields.add(op + "|" + hash + "|" + f[0]);
                });
                assertThat(got).isEqualTo(expected.get(r));
                assertThat(spill.records(r)).isEqualTo(expected.get(r).size());
                List<String> keys = new ArrayList<>();
                spill.read(r, 1, (op, hash, f) -> keys.add(op + "|" + hash + "|" + f[0] + "|" + f.length));
                assertThat(keys).isEqualTo(firstFields.stream().map(k -> k + "|1").toList());
            }
        }
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty(); // close() deleted the spill directory
        }
    }
}
