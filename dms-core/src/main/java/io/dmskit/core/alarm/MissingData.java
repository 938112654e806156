package io.dmskit.core.alarm;

/** How a CloudWatch alarm treats periods without a datapoint ({@code TreatMissingData}). */
public enum MissingData {
    /** {@code missing}: the alarm keeps its state (CloudWatch's default). */
    MISSING("missing"),
    /** {@code ignore}: the current state is kept. */
    IGNORE("ignore"),
    /** {@code breaching}: a missing datapoint counts as breaching the threshold. */
    BREACHING("breaching"),
    /** {@code notBreaching}: a missing datapoint counts as within the threshold. */
    NOT_BREACHING("notBreaching");

    private final String wire;

    MissingData(String wire) {
        this.wire = wire;
    }

    /**
     * {@return the value CloudWatch uses}
     */
    public String wireValue() {
        return wire;
    }
}
