package io.dmskit.core.exception;

import java.util.List;

/**
 * What an operation had done when a {@link DmsKitException} stopped it. The provisioner's {@code ApplyResult}
 * (io.dmskit.core.provision) is the one implementation; this interface only lets the exception carry it without the
 * exception package depending on the provisioning API. Read it typed with {@code ApplyResult.partialResultOf(e)}.
 */
public interface PartialOutcome {

    /** {@return whether the whole operation was carried out (false in what an exception carries)} */
    boolean complete();

    /** {@return {@code KIND:identifier} of each resource whose change was carried out to the end, in order} */
    List<String> finished();
}
