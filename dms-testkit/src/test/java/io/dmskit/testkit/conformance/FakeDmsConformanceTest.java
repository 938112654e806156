package io.dmskit.testkit.conformance;

import io.dmskit.testkit.FakeDms;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;

/** The DMS conformance suite against {@link FakeDms}: it conforms in every behaviour. */
class FakeDmsConformanceTest extends DmsConformanceSuite {

    private FakeDms dms;

    @BeforeEach
    void fresh() {
        dms = FakeDms.create();
    }

    @Override
    protected DatabaseMigrationClient dms() {
        return dms;
    }

    @Override
    protected Optional<String> deviation(Behaviour behaviour) {
        return Optional.empty();
    }

    @Override
    protected DatabaseMigrationWaiter waiter() {
        return dms.waiter();
    }
}
