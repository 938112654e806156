package io.dmskit.core.provision;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code DmsProvisioner.destroy} and {@code planDestroy} do beyond deleting the pipeline's DMS resources:
 * whether the Secrets Manager secrets dmskit manages for its endpoints are deleted too, and how. Immutable.
 *
 * <pre>{@code
 * dms.planDestroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7));   // shows exactly ...
 * dms.destroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7));       // ... what this does
 * dms.destroy(pipeline, DestroyOptions.deleteManagedSecrets().withoutRecovery());           // no recovery window
 * dms.destroy(pipeline);                                          // DestroyOptions.keepManagedSecrets()
 * }</pre>
 */
public final class DestroyOptions {

    /** Secrets Manager's own default recovery window. */
    private static final int DEFAULT_RECOVERY_DAYS = 30;

    private static final DestroyOptions KEEP = new DestroyOptions(false, 0);

    private final boolean deleteSecrets;
    /** 7..30, or 0 for ForceDeleteWithoutRecovery. */
    private final int recoveryDays;

    private DestroyOptions(boolean deleteSecrets, int recoveryDays) {
        this.deleteSecrets = deleteSecrets;
        this.recoveryDays = recoveryDays;
    }

    /** {@return the default: managed secrets are kept (only DMS resources are deleted)} */
    public static DestroyOptions keepManagedSecrets() {
        return KEEP;
    }

    /**
     * {@return managed secrets are deleted too, with Secrets Manager's default recovery window of 30 days (change it
     * with {@link #recoveryWindowDays(int)} or {@link #withoutRecovery()})}
     */
    public static DestroyOptions deleteManagedSecrets() {
        return new DestroyOptions(true, DEFAULT_RECOVERY_DAYS);
    }

    /**
     * {@return a copy with that recovery window}
     *
     * @param days how many days Secrets Manager keeps a deleted secret restorable (its {@code RecoveryWindowInDays},
     *     7..30)
     * @throws InvalidDefinitionException when days is outside 7..30, or managed secrets are kept (there is nothing
     *     to recover); the problem's field is {@code recoveryWindowDays}
     */
    public DestroyOptions recoveryWindowDays(int days) {
        if (days < 7 || days > 30) {
            throw problem("recoveryWindowDays", "must be 7..30 (Secrets Manager's "
                + "RecoveryWindowInDays), was " + days + "; to delete at once use "
                + "DestroyOptions.deleteManagedSecrets().withoutRecovery()");
        }
        requireDelete("recoveryWindowDays", "recoveryWindowDays(" + days + ")");
        return new DestroyOptions(true, days);
    }

    /**
     * {@return a copy that deletes managed secrets at once, without a recovery window (Secrets Manager's {@code
     * ForceDeleteWithoutRecovery})}
     *
     * @throws InvalidDefinitionException when managed secrets are kept (field {@code withoutRecovery})
     */
    public DestroyOptions withoutRecovery() {
        requireDelete("withoutRecovery", "withoutRecovery()");
        return new DestroyOptions(true, 0);
    }

    private void requireDelete(String field, String call) {
        if (!deleteSecrets) {
            throw problem(field, call + " applies only when managed secrets are deleted: "
                + "DestroyOptions.deleteManagedSecrets()." + call);
        }
    }

    private static InvalidDefinitionException problem(String field, String message) {
        return new InvalidDefinitionException(List.of(new DefinitionProblem("DestroyOptions", field, message)));
    }

    /** {@return whether managed secrets are deleted} */
    public boolean deletesManagedSecrets() {
        return deleteSecrets;
    }

    /** {@return whether secrets are deleted without a recovery window} */
    public boolean forceDeleteWithoutRecovery() {
        return deleteSecrets && recoveryDays == 0;
    }

    /** {@return the recovery window in days, empty when secrets are kept or deleted without recovery} */
    public OptionalInt recoveryWindowInDays() {
        return deleteSecrets && recoveryDays > 0 ? OptionalInt.of(recoveryDays) : OptionalInt.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestroyOptions d && d.deleteSecrets == deleteSecrets && d.recoveryDays == recoveryDays;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(deleteSecrets) * 31 + recoveryDays;
    }

    /** {@return e.g. {@code DestroyOptions[delete managed secrets, recovery window 7 days]}} */
    @Override
    public String toString() {
        return "DestroyOptions[" + (!deleteSecrets ? "keep managed secrets" : "delete managed secrets, "
            + (recoveryDays == 0 ? "without recovery" : "recovery window " + recoveryDays + " days")) + "]";
    }
}
