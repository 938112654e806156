package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/** Selection, source filters, renames and column transformations come from the task's table mappings. */
class MappingsTransformationTest {

    private static final String DB = "eng_map";
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, name VARCHAR(30), qty INT, price DECIMAL(8,2))",
                "INSERT INTO " + DB + ".items VALUES (1, 'apple', 10, 0.50), (2, 'pear', 5, 0.75), (3, 'plum', 20, 1.00)",
                "CREATE TABLE " + DB + ".items_archive (id INT PRIMARY KEY)", "INSERT INTO " + DB + ".items_archive VALUES (1)",
                "CREATE TABLE " + DB + ".itemsX (id INT PRIMARY KEY)", "INSERT INTO " + DB + ".itemsX VALUES (1)");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static final String MAPPINGS = """
            {"rules":[
             {"rule-type":"selection","rule-id":"1","rule-name":"items","object-locator":{"schema-name":"eng[_]map","table-name":"items"},
              "rule-action":"include","filters":[{"filter-type":"source","column-name":"qty",
              "filter-conditions":[{"filter-operator":"gte","value":"10"}]}]},
             {"rule-type":"selection","rule-id":"2","rule-name":"archive","object-locator":{"schema-name":"eng_map","table-name":"items[_]%"},
              "rule-action":"include"},
             {"rule-type":"transformation","rule-id":"3","rule-name":"t","rule-target":"table",
              "object-locator":{"schema-name":"eng_map","table-name":"items"},"rule-action":"rename","value":"products"},
             {"rule-type":"transformation","rule-id":"4","rule-name":"s","rule-target":"schema",
              "object-locator":{"schema-name":"eng_map"},"rule-action":"rename","value":"shop"},
             {"rule-type":"transformation","rule-id":"5","rule-name":"c1","rule-target":"column",
              "object-locator":{"schema-name":"eng_map","table-name":"items","column-name":"price"},"rule-action":"remove-column"},
             {"rule-type":"transformation","rule-id":"6","rule-name":"c2","rule-target":"column",
              "object-locator":{"schema-name":"eng_map","table-name":"items","column-name":"qty"},"rule-action":"rename","value":"quantity"},
             {"rule-type":"transformation","rule-id":"7","rule-name":"c3","rule-target":"column",
              "object-locator":{"schema-name":"eng_map","table-name":"items"},"rule-action":"add-column","value":"label",
              "expression":"upper($name) || '#' || $id","data-type":{"type":"string","length":50}},
             {"rule-type":"transformation","rule-id":"8","rule-name":"c4","rule-target":"column",
              "object-locator":{"schema-name":"eng_map","table-name":"items"},"rule-action":"add-column","value":"op",
              "expression":"$AR_H_OPERATION","data-type":{"type":"string","length":10}}
            ]}""";

    @Test
    @DisplayName("only selected tables are loaded, under renamed schema/table, filtered rows, renamed/removed/added columns; CDC obeys the filter too")
    void mappingsShapeTheOutput() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-map");
        S3Settings s3 = S3Settings.builder().bucketName("eng-map").addColumnName(true).cdcMaxBatchInterval(0).build();
        TestContext ctx = new TestContext(TestContext.task("eng-map", MigrationTypeValue.FULL_LOAD_AND_CDC, MAPPINGS, null),
                Databases.mysqlSource("src-map"), Databases.mysql().credentials(), SharedS3.s3Target("tgt-map", s3),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished, ctx::toString);
            assertThat(bucket.keys()).containsExactlyInAnyOrder("shop/products/LOAD00000001.csv",
                    "shop/items_archive/LOAD00000001.csv");
            assertThat(bucket.getString("shop/products/LOAD00000001.csv").lines())
                    .containsExactly("id,name,quantity,label,op", "1,apple,10,APPLE#1,INSERT", "3,plum,20,PLUM#3,INSERT");
            assertThat(ctx.stats(DB + ".items").fullLoadRows()).isEqualTo(2L);
            assertThat(ctx.allStats()).doesNotContainKey(DB + ".itemsX");

            Databases.mysql("INSERT INTO " + DB + ".items VALUES (4, 'kiwi', 1, 9.99), (5, 'lime', 15, 0.10)");
            Await.until("the CDC file", Duration.ofSeconds(15),
                    () -> bucket.keys("shop/products/").size() == 2, ctx::toString);
            String cdcKey = bucket.keys("shop/products/").stream().filter(k -> !k.contains("LOAD")).findFirst().orElseThrow();
            assertThat(bucket.getString(cdcKey).lines()).containsExactly("Op,id,name,quantity,label,op", "I,5,lime,15,LIME#5,INSERT");
        } finally {
            running.stop();
        }
    }
}
