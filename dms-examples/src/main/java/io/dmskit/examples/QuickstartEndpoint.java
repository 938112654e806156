package io.dmskit.examples;

import io.dmskit.local.DmsLocalMain;
import io.dmskit.local.DmsLocalServer;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The quickstart's serve mode ({@code -Ddmskit.serve=true} or {@code DMSKIT_SERVE=true}; port from
 * {@code dmskit.servePort} / {@code DMSKIT_SERVE_PORT}, default 4566): after the report, the quickstart's own fakes
 * and S3 stay reachable over HTTP for the AWS CLI until the process is stopped, with the replication still running.
 */
final class QuickstartEndpoint {

    private QuickstartEndpoint() {
    }

    static boolean asked() {
        return Boolean.parseBoolean(setting("dmskit.serve", "DMSKIT_SERVE", "false"));
    }

    /**
     * Serves until the JVM is stopped (Ctrl-C), if serve mode is on; returns at once otherwise.
     */
    static void serveIfAsked(FakeDms dms, FakeSecretsManager secrets, LocalS3 s3, List<String> buckets,
                             String secretName, PrintStream out) throws InterruptedException {
        if (!asked()) {
            return;
        }
        int port = Integer.parseInt(setting("dmskit.servePort", "DMSKIT_SERVE_PORT",
                String.valueOf(DmsLocalMain.DEFAULT_PORT)));
        DmsLocalServer server = DmsLocalServer.builder().port(port).serve(dms, secrets, s3).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "quickstart-endpoint-stop"));
        String url = server.endpoint().toString();
        String task = dms.describeReplicationTasks().replicationTasks().get(0).replicationTaskArn();
        out.println();
        DmsLocalMain.printBanner(server, out);
        out.println("  aws dms describe-table-statistics --replication-task-arn " + task + " --endpoint-url " + url
                + " --region " + dms.region());
        out.println("  aws s3 ls s3://" + buckets.get(0) + "/ --recursive --endpoint-url " + url
                + " --region " + dms.region());
        out.println("  aws secretsmanager get-secret-value --secret-id " + secretName + " --endpoint-url " + url
                + " --region " + dms.region());
        out.println("The replication keeps running; Ctrl-C stops the endpoint.");
        out.flush();
        stopped.await();
    }

    private static String setting(String property, String env, String otherwise) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? otherwise : v.trim();
    }
}
