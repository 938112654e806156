package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What every part of the provisioner works with: the clients, the retrying caller, the state reader, the pool, time
 * and the wait settings.
 *
 * @param dms DMS client
 * @param secrets Secrets Manager client, or null
 * @param aws retrying caller
 * @param reader describes resources
 * @param pool bounded pool for parallel work
 * @param clock time source
 * @param sleeper waits between polls
 * @param listener progress listener
 * @param pollInterval time between polls
 * @param maxPollInterval longest time between polls during long waits
 * @param timeout longest single wait
 * @param serverlessTimeout longest single wait of a DMS Serverless replication (provisioning capacity is long)
 */
record Context(DatabaseMigrationClient dms, SecretsManagerClient secrets, AwsCaller aws, StateReader reader,
               ExecutorService pool, Clock clock, Sleeper sleeper, ProgressListener listener, Duration pollInterval,
               Duration maxPollInterval, Duration timeout, Duration serverlessTimeout) {

    /** @return a reconciler for one run of nodes */
    Reconciler reconciler() {
        return new Reconciler(reader, pool, clock, sleeper, listener, pollInterval, maxPollInterval, timeout,
            serverlessTimeout);
    }

    /** @param d sleeps this long through the sleeper; an interruption becomes a {@link DmsKitException} */
    void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted", e);
        }
    }
}
