package io.dmskit.examples.readme;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.testkit.server.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * dms-testkit/README.md's moto_server set-up, compiled (run by dms-testkit's own moto tests where moto_server is
 * installed; this class has no tests and is not run).
 */
abstract class TestkitMotoSnippets {

    static MotoServer moto;
    static DmsSandbox.Remote aws;

    // region readme:testkit-moto
    @BeforeAll static void moto() {
        assumeTrue(MotoServer.isAvailable(), MotoServer.unavailableReason());   // skipped, with the reason, if absent
        moto = MotoServer.start();                                             // free port on 127.0.0.1, waits until ready
        aws = DmsSandbox.forEndpoint(moto.endpoint());
    }
    @BeforeEach void clean() { moto.reset(); }                                 // POST /moto-api/reset
    // endregion

    @AfterAll static void stop() {
        aws.close();
        moto.close();
    }
}
