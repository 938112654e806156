package io.dmskit.core.provision;

/**
 * What {@code apply} may do beyond creating and modifying idle resources. The defaults are safe: a running task is
 * never stopped and nothing is deleted to be recreated, unless the caller says so; a plan needing either fails
 * before any mutating call with a {@link io.dmskit.core.ChangeNotAllowedException} naming the setting.
 *
 * @param restartRunningTasks allow stop → modify → resume of running tasks (and stop → resume after an endpoint change)
 * @param allowReplace allow deleting and recreating resources whose changed fields DMS cannot modify in place
 */
public record ApplyPolicy(boolean restartRunningTasks, boolean allowReplace) {

    /** @return the defaults: no restarts, no replacements */
    public static ApplyPolicy safe() {
        return new ApplyPolicy(false, false);
    }

    /** @return restarts of running tasks allowed, replacements not */
    public static ApplyPolicy restartTasks() {
        return new ApplyPolicy(true, false);
    }

    /** @return everything allowed */
    public static ApplyPolicy all() {
        return new ApplyPolicy(true, true);
    }

    /**
     * @param allow restart running tasks
     * @return a copy
     */
    public ApplyPolicy withRestartRunningTasks(boolean allow) {
        return new ApplyPolicy(allow, allowReplace);
    }

    /**
     * @param allow replace resources
     * @return a copy
     */
    public ApplyPolicy withAllowReplace(boolean allow) {
        return new ApplyPolicy(restartRunningTasks, allow);
    }
}
