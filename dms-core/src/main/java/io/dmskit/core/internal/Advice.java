package io.dmskit.core.internal;

import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.DestroyOptions;

/**
 * Advice in messages and plans, written as Java that compiles against the public API as it is (a test extracts
 * every such snippet from dms-core's messages and compiles it).
 */
final class Advice {

    private Advice() {
    }

    /**
     * @param policy the policy that would allow a change
     * @return e.g. {@code apply with ApplyPolicy.restartTasks() to allow it}
     */
    static String allow(ApplyPolicy policy) {
        return "apply with " + code(policy) + " to allow it";
    }

    /**
     * @param p a policy
     * @return the shortest expression of the public API that builds it, e.g.
     *     {@code ApplyPolicy.safe().withAllowDeletes(true)}
     */
    static String code(ApplyPolicy p) {
        StringBuilder s = new StringBuilder("ApplyPolicy.");
        if (p.restartRunningTasks() && p.allowReplace()) {
            s.append("all()");
        } else if (p.restartRunningTasks()) {
            s.append("restartTasks()");
        } else {
            s.append("safe()");
            if (p.allowReplace()) {
                s.append(".withAllowReplace(true)");
            }
        }
        if (p.allowDeletes()) {
            s.append(".withAllowDeletes(true)");
        }
        if (p.discardCheckpoints()) {
            s.append(".withDiscardCheckpoints(true)");
        }
        return s.toString();
    }

    /** @return the options that delete managed secrets, as code */
    static String deleteSecrets() {
        return "DestroyOptions.deleteManagedSecrets()";
    }

    /**
     * @param o destroy options
     * @return the expression that builds them, e.g. {@code DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7)}
     */
    static String code(DestroyOptions o) {
        if (!o.deletesManagedSecrets()) {
            return "DestroyOptions.keepManagedSecrets()";
        }
        return deleteSecrets() + (o.forceDeleteWithoutRecovery() ? ".withoutRecovery()"
            : ".recoveryWindowDays(" + o.recoveryWindowInDays().getAsInt() + ")");
    }
}
