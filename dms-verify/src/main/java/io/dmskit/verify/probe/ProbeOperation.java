package io.dmskit.verify.probe;

/** The three changes the CDC probe makes to its marker row, in order. */
public enum ProbeOperation {
    /** INSERT of the marker row; DMS writes Op {@code I}. */
    INSERT("I"),
    /** UPDATE of the marker row; DMS writes Op {@code U}. */
    UPDATE("U"),
    /** DELETE of the marker row; DMS writes Op {@code D}. */
    DELETE("D");

    private final String op;

    ProbeOperation(String op) {
        this.op = op;
    }

    /** {@return the value of DMS's Op column for this change} */
    public String opCode() {
        return op;
    }
}
