package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a CDC probe does to a running task, for every capture mode: a table the mappings select is created after the
 * task started, a row is inserted and updated right away, then the table is dropped. DMS picks such a table up; the
 * engine must too, and end the capture of the dropped table without failing or retrying.
 */
final class TablesCreatedDuringCdc {

    private TablesCreatedDuringCdc() {
    }

    /**
     * Runs the scenario on a started full-load-and-cdc task writing to S3 with CdcMaxBatchInterval 0.
     *
     * @param engine the engine running the task
     * @param ctx the task's context
     * @param sql runs statements on the source
     * @param bucket the task's bucket
     * @param schema the selected schema ({@code %} tables) in which the table is created
     * @param mode the capture mode expected
     * @return milliseconds from the CREATE TABLE's return to the first CDC object of the new table in S3
     */
    static long run(LocalReplicationEngine engine, TestContext ctx, Consumer<String[]> sql, LocalS3.Bucket bucket,
                    String schema, String mode) {
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(30), () -> ctx.fullLoadFinished || ctx.failure != null,
                    ctx::toString);
            assertThat(ctx.failure).isNull();
            assertThat(engine.cdcModeOf(ctx.task().replicationTaskArn())).contains(mode);

            long created = System.nanoTime();
            sql.accept(new String[] {"CREATE TABLE " + schema + ".late_probe (id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " note VARCHAR(200))"});
            sql.accept(new String[] {"INSERT INTO " + schema + ".late_probe VALUES ('m1', 'inserted')"});
            String folder = schema + "/late_probe/";
            Await.until("the new table's first CDC file under " + folder, Duration.ofSeconds(15),
                    () -> !bucket.keys(folder).isEmpty(), ctx::toString);
            long firstFileMillis = (System.nanoTime() - created) / 1_000_000;
            sql.accept(new String[] {"UPDATE " + schema + ".late_probe SET note = 'updated' WHERE id = 'm1'"});
            Await.until("the update of the new table", Duration.ofSeconds(15),
                    () -> ctx.stats(schema + ".late_probe") != null && ctx.stats(schema + ".late_probe").updates() == 1L,
                    ctx::toString);
            List<String> rows = bucket.keys(folder).stream().flatMap(k -> bucket.getString(k).lines()).toList();
            assertThat(rows).containsExactly("I,m1,inserted", "U,m1,updated");
            assertThat(ctx.stats(schema + ".late_probe").inserts()).isEqualTo(1L);
            assertThat(ctx.stats(schema + ".late_probe").tableState()).isEqualTo("Table completed");

            sql.accept(new String[] {"DROP TABLE " + schema + ".late_probe"});
            Await.until("the dropped table's capture to end", Duration.ofSeconds(15),
                    () -> "Table does not exist".equals(ctx.stats(schema + ".late_probe").tableState()),
                    ctx::toString);
            // the task goes on with the other tables
            sql.accept(new String[] {"INSERT INTO " + schema + ".kept VALUES (2, 'after the drop')"});
            Await.until("a change after the drop", Duration.ofSeconds(15),
                    () -> ctx.stats(schema + ".kept") != null && ctx.stats(schema + ".kept").inserts() == 1L,
                    ctx::toString);
            assertThat(ctx.failure).isNull();
            return firstFileMillis;
        } finally {
            running.stop();
        }
    }

    /** @return the statements creating the schema's table that exists from the start */
    static String keptTable(String schema) {
        return "CREATE TABLE " + schema + ".kept (id INT PRIMARY KEY, note VARCHAR(40))";
    }
}
