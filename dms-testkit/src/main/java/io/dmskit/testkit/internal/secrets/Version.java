package io.dmskit.testkit.internal.secrets;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;

/** One version of a secret's value; the last-accessed date is mutable, guarded by the owner's lock. */
final class Version {

    final String id;
    final String string;
    final byte[] binary;
    final Instant createdDate;
    Instant lastAccessedDate;

    Version(String id, String string, byte[] binary, Instant createdDate) {
        this.id = id;
        this.string = string;
        this.binary = binary;
        this.createdDate = createdDate;
    }

    /** @return whether this version holds exactly the given value (an idempotent retry) */
    boolean sameValue(String s, SdkBytes b) {
        return Objects.equals(string, s) && Arrays.equals(binary, b == null ? null : b.asByteArrayUnsafe());
    }

    @Override
    public String toString() {
        return "Version[" + id + ", value redacted]";
    }
}
