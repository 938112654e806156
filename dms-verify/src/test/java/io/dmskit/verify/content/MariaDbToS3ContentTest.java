package io.dmskit.verify.content;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.ContentDifference.Kind;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Content verification: MariaDB source -> S3 CSV target (full load + CDC merged by key)")
class MariaDbToS3ContentTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String src;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_cs3");
        TestDatabases.createSchema(MY, src);
        for (String t : List.of("good", "bad")) {
            TestDatabases.exec(MY, "CREATE TABLE " + src + "." + t + " (id INT PRIMARY KEY, name VARCHAR(40),"
                            + " price DECIMAL(10,2), at DATETIME)",
                    "INSERT INTO " + src + "." + t + " SELECT seq, CONCAT('name', seq), seq * 1.5,"
                            + " TIMESTAMP'2024-01-01 00:00:00' + INTERVAL seq * 3601 SECOND FROM seq_1_to_300",
                    "UPDATE " + src + "." + t + " SET name = 'changed' WHERE id = 5",
                    "DELETE FROM " + src + "." + t + " WHERE id IN (7, 9)",
                    "UPDATE " + src + "." + t + " SET name = 'new11' WHERE id = 11");
        }
        String bucket = SharedS3.newBucket();
        StringBuilder load = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            load.append(i).append(",name").append(i).append(',').append(new java.math.BigDecimal(i).multiply(
                    new java.math.BigDecimal("1.5")).setScale(2)).append(',').append(at(i)).append('\n');
        }
        put(S3, bucket, "hub/lake/good/LOAD00000001.csv", load.toString());
        put(S3, bucket, "hub/lake/good/20240528-195141380.csv",
                "U,5,changed,7.50," + at(5) + "\nD,7,name7,10.50," + at(7) + "\nD,9,name9,13.50," + at(9)
                        + "\nU,11,new11,16.50," + at(11) + "\n");
        put(S3, bucket, "hub/lake/bad/LOAD00000001.csv", load.toString());
        // the delete of 9 and the update of 11 never arrived
        put(S3, bucket, "hub/lake/bad/20240528-195141380.csv", "U,5,changed,7.50," + at(5) + "\nD,7,name7,10.50,"
                + at(7) + "\n");
        String mappings = """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"2","rule-name":"to-lake","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"lake"}
                ]}""".formatted(src, src);
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings).s3(S3)
                .target(S3Target.builder().bucket(bucket).bucketFolder("hub").build()).build();
        report = ContentVerifier.of(verifier).verify();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(MY, src, false);
    }

    /** The DATETIME of row i as DMS writes it into CSV (the source read as LocalDateTime must render the same). */
    private static String at(int i) {
        return java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i * 3601L)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static void put(S3Client s3, String bucket, String key, String body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    @Test
    @DisplayName("the target's current state (load + CDC) equal to the source is CONTENT_MATCH")
    void match() {
        TableVerification t = report.table(src, "good").orElseThrow();
        assertThat(t.error()).isEmpty();
        assertThat(t.status()).isEqualTo(VerificationStatus.CONTENT_MATCH);
        assertThat(t.content().orElseThrow().sourceRows()).isEqualTo(298);
    }

    @Test
    @DisplayName("a delete and an update that never arrived are found with their keys")
    void lostChanges() {
        TableVerification t = report.table(src, "bad").orElseThrow();
        assertThat(t.error()).isEmpty();
        TableContent c = t.content().orElseThrow();
        assertThat(t.status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(c.samples()).extracting(ContentDifference::kind, ContentDifference::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.EXTRA_ON_TARGET, Map.of("id", "9")),
                org.assertj.core.groups.Tuple.tuple(Kind.DIFFERENT, Map.of("id", "11")));
        assertThat(c.samples().get(1).columns()).singleElement().satisfies(d -> {
            assertThat(d.sourceValue()).isEqualTo("new11");
            assertThat(d.targetValue()).isEqualTo("name11");
        });
    }
}
