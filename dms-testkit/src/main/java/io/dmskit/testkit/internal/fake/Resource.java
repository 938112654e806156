package io.dmskit.testkit.internal.fake;

/** What every fake resource has: an ARN, a generation for pending transitions, eventual-consistency state. */
abstract class Resource implements World.Owner {
    final String arn;
    long generation;
    boolean gone;
    /** Describe calls of this resource's kind that still miss it (eventual consistency fault). */
    int invisibleDescribes;

    Resource(String arn) {
        this.arn = arn;
    }

    /** Drops pending transitions: call on every state change that supersedes them. */
    void bump() {
        generation++;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public boolean gone() {
        return gone;
    }

    /** Counts one Describe call of this resource's kind. @return whether the call sees the resource */
    boolean visibleToDescribe() {
        if (invisibleDescribes > 0) {
            invisibleDescribes--;
            return false;
        }
        return true;
    }
}
