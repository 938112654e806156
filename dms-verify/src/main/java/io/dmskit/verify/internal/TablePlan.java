package io.dmskit.verify.internal;

import java.util.List;

/** The tables a verification covers, sorted by source name: what {@link TablePlanner} decided. */
public final class TablePlan {

    private final List<PlannedTable> tables;

    TablePlan(List<PlannedTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** @return how many tables are planned */
    public int size() {
        return tables.size();
    }

    /** @return the planned tables, in order */
    List<PlannedTable> tables() {
        return tables;
    }
}
