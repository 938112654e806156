package io.dmskit.core.instance;

/** IP addressing of a replication instance ({@code NetworkType}). */
public enum NetworkType {
    /** IPv4 only. */
    IPV4,
    /** IPv4 and IPv6. */
    DUAL;

    /** {@return the DMS value} */
    public String wireValue() {
        return name();
    }
}
