package io.dmskit.examples;

import io.dmskit.verify.target.S3Target;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * The S3 location and format a task writes to, read from DMS (DescribeReplicationTasks, DescribeEndpoints) as
 * dms-verify's {@link S3Target}.
 *
 * <p>DMS echoes {@code CsvDelimiter}/{@code CsvRowDelimiter} escaped (the two characters {@code \n}), so they are
 * unescaped here before counting.
 */
final class S3Targets {

    private S3Targets() {
    }

    /**
     * @param dms the DMS client
     * @param taskArn the task
     * @return the task's S3 target
     * @throws IllegalArgumentException when the task's target is not an S3 endpoint
     */
    static S3Target ofTask(DatabaseMigrationClient dms, String taskArn) {
        ReplicationTask task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn")
                .values(taskArn))).replicationTasks().get(0);
        Endpoint target = dms.describeEndpoints(b -> b.filters(f -> f.name("endpoint-arn")
                .values(task.targetEndpointArn()))).endpoints().get(0);
        S3Settings s = target.s3Settings();
        if (s == null) {
            throw new IllegalArgumentException("the target of task " + task.replicationTaskIdentifier()
                    + " is not an S3 endpoint (" + target.engineName() + ")");
        }
        S3Target.Builder b = S3Target.fromS3Settings(s);
        if (s.csvDelimiter() != null) {
            b.csvDelimiter(unescape(s.csvDelimiter()));
        }
        if (s.csvRowDelimiter() != null) {
            b.csvRowDelimiter(unescape(s.csvRowDelimiter()));
        }
        return b.build();
    }

    /** Turns DMS's escaped delimiters ({@code \n}, {@code \r}, {@code \t}, {@code \\}) into the characters. */
    static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    default -> sb.append(c).append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
